package org.hazardstream.study;

import java.util.List;

import org.hazardstream.core.data.BadInputException;

/** A study definition refused whole: every problem found, each naming its JSON pointer. */
public final class InvalidDefinitionException extends BadInputException {

    private final transient List<DefinitionError> errors;

    public InvalidDefinitionException(String source, List<DefinitionError> errors) {
        super(source + ": invalid study definition: "
                + String.join(
                        "; ", errors.stream().map(DefinitionError::toString).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<DefinitionError> errors() {
        return errors;
    }
}
