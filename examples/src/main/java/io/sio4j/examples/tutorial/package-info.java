/**
 * The seed tutorial's chapters as runnable examples, one {@link io.sio4j.examples.TutorialExample}
 * per chapter, with the tutorial's event names and texts: {@code hello}, {@code message}, {@code
 * custom-event}, {@code client-event}, {@code broadcast}, {@code welcome}, {@code namespace},
 * {@code rooms} and {@code errors}. Each serves its page at {@code /}; what the tutorial prints
 * with {@code console.log} goes to the {@link java.io.PrintStream} given to {@code install}
 * (standard output when run from the jar).
 */
package io.sio4j.examples.tutorial;
