-- Seek previews: true once the storyboard (videos/<id>/storyboard/sprite.jpg + storyboard.vtt) is published.
alter table videos add column has_storyboard boolean not null default false;
