package io.recruitsuite.candidate.agents;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** Seed 001's AI agent: how an automated interviewer speaks and what it asks. Interviews of kind {@code ai} name one. */
@Entity
@Table(name = "interview_agents")
public class InterviewAgent implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    private String name;
    private String language;
    private String voice;
    private String tone;
    private String instructions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> questions;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected InterviewAgent() {
    }

    public InterviewAgent(String id, String organizationId, Settings settings, OffsetDateTime createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.createdAt = createdAt;
        change(settings, createdAt);
    }

    public record Settings(String name, String language, String voice, String tone, String instructions, List<String> questions) {
    }

    public Settings settings() {
        return new Settings(name, language, voice, tone, instructions, questions);
    }

    public void change(Settings s, OffsetDateTime at) {
        this.name = s.name();
        this.language = s.language();
        this.voice = s.voice();
        this.tone = s.tone();
        this.instructions = s.instructions();
        this.questions = List.copyOf(s.questions());
        this.updatedAt = at;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String language() {
        return language;
    }

    public String voice() {
        return voice;
    }

    public String tone() {
        return tone;
    }

    public String instructions() {
        return instructions;
    }

    public List<String> questions() {
        return questions;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
