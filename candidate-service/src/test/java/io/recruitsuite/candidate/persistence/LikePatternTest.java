package io.recruitsuite.candidate.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LikePatternTest {

    @Test
    void patternCharactersAndTheEscapeCharacterAreEscaped() {
        assertEquals("50!%!_off!!", LikePattern.escape("50%_off!"));
        assertEquals("%50!%!_off!!%", LikePattern.containing("50%_off!"));
        assertEquals("plain text", LikePattern.escape("plain text"));
    }
}
