package org.hazardstream.core.data;

/**
 * Bad input from a user: a missing file or column, an unparsable value, an unknown option.
 * The message is one line that names the row, column or option, ready to print on stderr
 * or return in an HTTP 400.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
