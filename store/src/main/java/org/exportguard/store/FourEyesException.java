package org.exportguard.store;

/** A confirmation by the user who proposed the same thing: four-eyes needs a second person. */
public class FourEyesException extends StoreException {
    public FourEyesException(String message) {
        super(message);
    }
}
