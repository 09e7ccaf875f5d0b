package io.baton.recognition.domain.text;

/** Which rule recognised a message as a seed, or that none did. */
public enum TextSignal {
    /** The message contains (nearly) all of the seed text, whatever it adds around it. */
    WHOLE_SEED,
    /** The message is (nearly) only seed text, but the end of the seed is missing: cut short. */
    TRUNCATED_SEED,
    /** Neither: too little of the seed, a gap inside it, or too much other text. */
    NONE
}
