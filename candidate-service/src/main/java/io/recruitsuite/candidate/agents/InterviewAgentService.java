package io.recruitsuite.candidate.agents;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.candidate.events.WorkflowEvents;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.candidate.persistence.Timestamps;
import io.recruitsuite.candidate.workflow.FieldRules;
import io.recruitsuite.candidate.workflow.WorkflowConfig;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Interview agents: stored and served for the integrator's interviewing product, which runs the conversations. */
@ApplicationScoped
public class InterviewAgentService {

    @Inject
    InterviewAgentRepository agents;
    @Inject
    WorkflowConfig config;
    @Inject
    WorkflowEvents events;

    public record Changes(InterviewAgent.Settings values, boolean nameSet, boolean languageSet, boolean voiceSet, boolean toneSet,
                          boolean instructionsSet, boolean questionsSet) {
    }

    public Uni<InterviewAgent> create(String organizationId, InterviewAgent.Settings in) {
        InterviewAgent agent = new InterviewAgent(Ids.newId("agt"), organizationId, settings(in), Timestamps.now());
        return store(agent);
    }

    @WithTransaction
    Uni<InterviewAgent> store(InterviewAgent agent) {
        return agents.persist(agent).call(events::agentCreated);
    }

    @WithSession
    public Uni<InterviewAgent> get(String organizationId, String id) {
        return agents.findById(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Interview agent"));
    }

    @WithSession
    public Uni<Listing<InterviewAgent>> list(String organizationId, PageRequest page) {
        return Listing.of(page, a -> new Cursor(a.createdAt(), a.id()),
                (offset, limit) -> agents.page(organizationId, offset, limit),
                () -> agents.count(organizationId),
                (cursor, limit) -> agents.after(organizationId, cursor, limit));
    }

    @WithTransaction
    public Uni<InterviewAgent> update(String organizationId, String id, Changes c) {
        return agents.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Interview agent"))
                .call(a -> {
                    InterviewAgent.Settings before = a.settings();
                    InterviewAgent.Settings v = c.values();
                    InterviewAgent.Settings after = settings(new InterviewAgent.Settings(c.nameSet() ? v.name() : before.name(),
                            c.languageSet() ? v.language() : before.language(), c.voiceSet() ? v.voice() : before.voice(),
                            c.toneSet() ? v.tone() : before.tone(), c.instructionsSet() ? v.instructions() : before.instructions(),
                            c.questionsSet() ? v.questions() : before.questions()));
                    List<String> changed = changed(before, after);
                    if (changed.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    a.change(after, Timestamps.now());
                    return events.agentUpdated(a, changed);
                });
    }

    /** An agent named by an interview stays, so the interview keeps saying who conducted it. */
    @WithTransaction
    public Uni<Void> delete(String organizationId, String id) {
        return agents.findByIdForUpdate(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Interview agent"))
                .call(a -> agents.inUse(organizationId, a.id()).invoke(used -> {
                    if (used) {
                        throw new ApiException(ErrorCode.CONFLICT, "Interview agent is named by interviews: it cannot be deleted");
                    }
                }))
                .call(a -> agents.deleteById(organizationId, a.id()))
                .call(events::agentDeleted)
                .replaceWithVoid();
    }

    private InterviewAgent.Settings settings(InterviewAgent.Settings in) {
        String language = FieldRules.required("language", in.language(), config.maxField());
        try {
            // a BCP 47 tag such as en, en-GB or pt-BR, as speech products take them
            language = new Locale.Builder().setLanguageTag(language).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ApiException.validation("language: must be a BCP 47 language tag such as en, en-GB or pt-BR");
        }
        List<String> questions = new ArrayList<>();
        if (in.questions() != null) {
            if (in.questions().size() > config.maxQuestions()) {
                throw ApiException.validation("questions: at most " + config.maxQuestions());
            }
            for (String q : in.questions()) {
                questions.add(FieldRules.required("questions", q, config.maxTitle()));
            }
        }
        return new InterviewAgent.Settings(FieldRules.required("name", in.name(), config.maxTitle()), language,
                FieldRules.optional("voice", in.voice(), config.maxField()), FieldRules.optional("tone", in.tone(), config.maxField()),
                FieldRules.optional("instructions", in.instructions(), config.maxText()), questions);
    }

    /** The settings that differ, by their API names. */
    private static List<String> changed(InterviewAgent.Settings before, InterviewAgent.Settings after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) changed.add("name");
        if (!Objects.equals(before.language(), after.language())) changed.add("language");
        if (!Objects.equals(before.voice(), after.voice())) changed.add("voice");
        if (!Objects.equals(before.tone(), after.tone())) changed.add("tone");
        if (!Objects.equals(before.instructions(), after.instructions())) changed.add("instructions");
        if (!Objects.equals(before.questions(), after.questions())) changed.add("questions");
        return changed;
    }
}
