-- Profile pictures: the blob key of the current avatar (users/<id>/avatar-<n>.jpg), null when none.
alter table users add column avatar_key varchar(200);
