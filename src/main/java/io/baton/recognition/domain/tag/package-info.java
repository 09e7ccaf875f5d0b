/**
 * Campaign tags: where Baton writes them into a seed before sending it (text, a tag part, SMIL
 * meta, JPEG COM/XMP) and how recognition finds them again in a forward.
 */
package io.baton.recognition.domain.tag;
