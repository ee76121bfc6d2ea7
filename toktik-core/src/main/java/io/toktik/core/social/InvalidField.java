package io.toktik.core.social;

/** Input that breaks a rule of one field; the API answers 400 with {@code errors.<field>}. */
public final class InvalidField extends RuntimeException {
    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
