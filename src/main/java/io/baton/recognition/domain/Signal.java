package io.baton.recognition.domain;

/** The kinds of evidence that a message is a campaign's seed, strongest first. */
public enum Signal {
    /** A part is byte-identical to a part of the seed (as defined or as Baton sent it). */
    EXACT_PART,
    /** A campaign tag was found in the subject, a text part, the SMIL or JPEG metadata. */
    TAG,
    /** An image is perceptually the seed image (PDQ distance within the campaign's threshold). */
    IMAGE,
    /** A text contains enough of the seed text (character shingle containment). */
    TEXT
}
