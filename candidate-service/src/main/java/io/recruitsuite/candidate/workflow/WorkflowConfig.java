package io.recruitsuite.candidate.workflow;

import io.smallrye.config.ConfigMapping;

/** Limits of the hiring-workflow resources (prospects, tasks, interviews, scorecards, assessments, meetings, agents, campaigns). */
@ConfigMapping(prefix = "workflow")
public interface WorkflowConfig {

    /** Longest title or name (task title, meeting title, assessment name). */
    int maxTitle();

    /** Longest free text (meeting notes, scorecard notes, cancellation reason). */
    int maxText();

    /** Longest short label (source, provider, kind, location, a person's user id or email). */
    int maxField();

    /** Longest URL (LinkedIn profile, video link, assessment report). */
    int maxUrl();

    /** Most interviewers of an interview or attendees of a meeting. */
    int maxPeople();

    /** Longest interview, and longest meeting. */
    int maxDurationMinutes();

    /** Most rated attributes on one scorecard. */
    int maxRatings();

    /** Most questions of one interview agent. */
    int maxQuestions();

    /** Most jobs one campaign groups. */
    int maxCampaignJobs();
}
