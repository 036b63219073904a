package ai.openclaw.sdk.deploy;

import java.util.List;
import java.util.Objects;

/**
 * Phases in a safe order, each with the services (or contracts) it deploys and why, and what to do if it fails.
 *
 * <pre>{@code
 * for (DeploymentPlan.Phase p : plan.phases()) {
 *     System.out.println("Phase " + p.number() + ": " + p.title());
 * }
 * System.out.println(plan.toMarkdown()); // the seed's format
 * }</pre>
 *
 * @param phases the phases, in order
 * @param notes what the planner could not order and how it decided (cycles), empty when nothing
 */
public record DeploymentPlan(List<Phase> phases, List<String> notes) {
    /** Copies the lists. */
    public DeploymentPlan {
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
    }

    /**
     * One phase.
     *
     * @param number from 1
     * @param title what the phase does, such as {@code Deploy consumers first}
     * @param steps what it deploys, each with the reason
     * @param rollback what to do if the phase fails
     */
    public record Phase(int number, String title, List<Step> steps, String rollback) {
        /** Copies the list. */
        public Phase {
            Objects.requireNonNull(title, "title");
            steps = List.copyOf(steps);
            Objects.requireNonNull(rollback, "rollback");
        }
    }

    /**
     * One thing to deploy.
     *
     * @param subject a service name, or {@code contracts}
     * @param reason why it goes in this phase, such as {@code handles user.created, user.deleted}
     */
    public record Step(String subject, String reason) {}

    /** The plan in the seed's Markdown form: the phases, then the rollback plan from the last phase back. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("## Deployment Plan\n");
        for (Phase p : phases) {
            out.append("### Phase ")
                    .append(p.number())
                    .append(": ")
                    .append(p.title())
                    .append('\n');
            for (Step s : p.steps()) {
                out.append("- ")
                        .append(s.subject())
                        .append(s.reason().isEmpty() ? "" : " (" + s.reason() + ")")
                        .append('\n');
            }
        }
        out.append("### Rollback Plan\n");
        for (int i = phases.size() - 1; i >= 0; i--) {
            out.append("- If Phase ")
                    .append(phases.get(i).number())
                    .append(" fails: ")
                    .append(phases.get(i).rollback())
                    .append('\n');
        }
        if (!notes.isEmpty()) {
            out.append("### Notes\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }
}
