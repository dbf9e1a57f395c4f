package io.recruitsuite.candidate.candidates;

import io.recruitsuite.candidate.paging.Listing;
import io.recruitsuite.candidate.applications.ApplicationRepository;
import io.recruitsuite.candidate.documents.Document;
import io.recruitsuite.candidate.documents.DocumentRepository;
import io.recruitsuite.candidate.events.CandidateEvents;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.PageRequest;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Candidates and their CV documents; every change and its event commit together. */
@ApplicationScoped
public class CandidateService {

    @Inject
    Pool pool;
    @Inject
    CandidateRepository candidates;
    @Inject
    DocumentRepository documents;
    @Inject
    CandidateEvents events;
    @Inject
    ApplicationRepository applications;

    public record NewCandidate(String name, String email, String phone, List<String> tags) {
    }

    /** CV content already turned into text (pasted text, or extracted from an uploaded file). */
    public record NewDocument(String filename, String fileType, long fileSize, String text) {
    }

    public record CandidateDetail(Candidate candidate, List<Document> documents) {
    }

    public Uni<CandidateDetail> create(String organizationId, NewCandidate input, NewDocument cv) {
        String name = CandidateRules.name(input.name());
        String email = CandidateRules.email(input.email());
        String phone = CandidateRules.phone(input.phone());
        List<String> tags = CandidateRules.tags(input.tags());
        return pool.withTransaction(tx -> candidates.insert(tx, Ids.newId("cand"), organizationId, name, email, phone, tags)
                .call(c -> events.candidateCreated(tx, c))
                .chain(c -> cv == null
                        ? Uni.createFrom().item(new CandidateDetail(c, List.of()))
                        : documents.insert(tx, Ids.newId("doc"), organizationId, c.id(), cv.filename(), cv.fileType(), cv.fileSize(), cv.text())
                        .call(d -> events.documentUploaded(tx, c, d))
                        .map(d -> new CandidateDetail(c, List.of(d)))));
    }

    public Uni<Document> addDocument(String organizationId, String candidateId, NewDocument cv) {
        return pool.withTransaction(tx -> candidates.findForUpdate(tx, organizationId, candidateId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> documents.insert(tx, Ids.newId("doc"), organizationId, c.id(), cv.filename(), cv.fileType(), cv.fileSize(), cv.text())
                        .call(d -> applications.position(tx, organizationId, c.id())
                                .chain(position -> events.documentUploaded(tx, c, d, position)))));
    }

    /** Fails with 404 unless the candidate exists; lets an upload fail fast, before its file is parsed. */
    public Uni<Candidate> require(String organizationId, String id) {
        return candidates.find(organizationId, id).onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"));
    }

    public Uni<CandidateDetail> get(String organizationId, String id) {
        return candidates.find(organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> documents.listByCandidate(organizationId, id).map(docs -> new CandidateDetail(c, docs)));
    }

    public Uni<Listing<Candidate>> list(String organizationId, CandidateFilter filter, PageRequest page) {
        return Listing.of(page, c -> new Cursor(c.createdAt(), c.id()),
                (offset, limit) -> candidates.listPage(organizationId, filter, offset, limit),
                () -> candidates.count(organizationId, filter),
                (cursor, limit) -> candidates.listAfter(organizationId, filter, cursor, limit));
    }

    public record Changes(String name, String email, String phone, List<String> tags,
                          boolean nameSet, boolean emailSet, boolean phoneSet, boolean tagsSet) {
    }

    public Uni<CandidateDetail> update(String organizationId, String id, Changes changes) {
        return pool.withTransaction(tx -> candidates.findForUpdate(tx, organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(before -> {
                    Candidate after = new Candidate(before.id(), before.organizationId(),
                            changes.nameSet() ? CandidateRules.name(changes.name()) : before.name(),
                            changes.emailSet() ? CandidateRules.email(changes.email()) : before.email(),
                            changes.phoneSet() ? CandidateRules.phone(changes.phone()) : before.phone(),
                            changes.tagsSet() ? CandidateRules.tags(changes.tags()) : before.tags(),
                            before.createdAt(), before.updatedAt());
                    List<String> changed = new ArrayList<>();
                    if (!Objects.equals(before.name(), after.name())) changed.add("name");
                    if (!Objects.equals(before.email(), after.email())) changed.add("email");
                    if (!Objects.equals(before.phone(), after.phone())) changed.add("phone");
                    if (!Objects.equals(before.tags(), after.tags())) changed.add("tags");
                    if (changed.isEmpty()) {
                        return documents.listByCandidate(tx, organizationId, id).map(docs -> new CandidateDetail(before, docs));
                    }
                    return candidates.update(tx, after)
                            .call(saved -> events.candidateUpdated(tx, saved, changed))
                            .chain(saved -> documents.listByCandidate(tx, organizationId, id)
                                    .call(docs -> changed.contains("tags")
                                            ? events.documentUpdated(tx, saved, docs, "tags", before.tags(), saved.tags())
                                            : Uni.createFrom().voidItem())
                                    .map(docs -> new CandidateDetail(saved, docs)));
                }));
    }

    /** Erasure: the candidate, the CV documents and their text go; the event makes every other service forget them too. */
    public Uni<Void> delete(String organizationId, String id) {
        return pool.withTransaction(tx -> candidates.findForUpdate(tx, organizationId, id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate"))
                .chain(c -> documents.listByCandidate(tx, organizationId, id)
                        .call(docs -> candidates.delete(tx, organizationId, id))
                        .call(docs -> events.candidateDeleted(tx, c, docs)))
                .replaceWithVoid());
    }
}
