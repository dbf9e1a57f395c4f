package io.recruitsuite.candidate.notes;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "notes")
public interface NotesConfig {

    int maxBody();
}
