package org.kerma.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Disagreements and gaps found while joining sources, grouped by topic. Collecting a finding never fails the
 * generation; the generator prints the report and a test compares it with a reviewed copy, so that a new
 * disagreement is seen by a person.
 *
 * <p>Not thread-safe; one report per generation.
 */
public final class CrossCheckReport {
    private final Map<String, List<String>> findings = new LinkedHashMap<>();

    /** Records one finding under a topic such as "dictionary: VR differs (dcmtk vs pydicom)". */
    public void add(String topic, String finding) {
        findings.computeIfAbsent(topic, t -> new ArrayList<>()).add(finding);
    }

    /** The findings by topic, in the order they were added. */
    public Map<String, List<String>> findings() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        findings.forEach((topic, list) -> copy.put(topic, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /** The report as text: per topic a "== topic (count)" line and one indented line per finding. */
    public String render() {
        return render("");
    }

    /**
     * The report as text, leaving out topics that start with {@code excludedPrefix} (none when it is empty), e.g.
     * the machine-dependent "private" topics.
     */
    public String render(String excludedPrefix) {
        return render(topic -> excludedPrefix.isEmpty() || !topic.startsWith(excludedPrefix));
    }

    /** The report as text, with only the topics that start with {@code prefix}. */
    public String renderOnly(String prefix) {
        return render(topic -> topic.startsWith(prefix));
    }

    private String render(Predicate<String> topics) {
        StringBuilder out = new StringBuilder();
        findings.forEach((topic, list) -> {
            if (!topics.test(topic)) {
                return;
            }
            out.append("== ").append(topic).append(" (").append(list.size()).append(")\n");
            list.forEach(f -> out.append("  ").append(f).append('\n'));
        });
        return out.toString();
    }
}
