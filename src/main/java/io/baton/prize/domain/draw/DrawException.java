package io.baton.prize.domain.draw;

/** A pool, seed or receipt that the draw algorithm cannot work with, saying what is wrong with it. */
public class DrawException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DrawException(String message) {
        super(message);
    }
}
