package org.kerma.dose.reference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Which studies a reference level or alert rule applies to: one of the modalities (none: any) and a pattern found
 * in one of the study's descriptive texts (Study Description, acquisition protocols, requested procedure
 * descriptions), and {@code exclude} found in none of them. Patterns are Java regular expressions,
 * case-insensitive, found anywhere in a text; an empty pattern matches any study, an empty exclude excludes none.
 */
public record ExamMatch(Set<String> modalities, String pattern, String exclude) {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    public ExamMatch {
        modalities = modalities.stream().map(m -> m.strip().toUpperCase(Locale.ROOT)).filter(m -> !m.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        pattern = checked(pattern);
        exclude = checked(exclude);
    }

    /** {@code pattern} stripped (null: empty), checked to be a regular expression. */
    static String checked(String pattern) {
        String p = pattern == null ? "" : pattern.strip();
        try {
            Pattern.compile(p, FLAGS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + p + "' is not a regular expression: "
                    + e.getDescription());
        }
        return p;
    }

    /** From a modality list written {@code CT} or {@code XA|RF} (empty or {@code *}: any). */
    public static ExamMatch of(String modalities, String pattern, String exclude) {
        String m = modalities == null || modalities.strip().equals("*") ? "" : modalities;
        return new ExamMatch(Set.copyOf(Arrays.asList(m.split("\\|"))), pattern, exclude);
    }

    /** The modalities as written in data files: {@code XA|RF}, {@code *} for any. */
    public String modalityList() {
        return modalities.isEmpty() ? "*" : modalities.stream().sorted().collect(Collectors.joining("|"));
    }

    public boolean matches(StudyExposure study) {
        if (!modalities.isEmpty() && study.modalities().stream().noneMatch(modalities::contains)) {
            return false;
        }
        return (pattern.isEmpty() || found(pattern, study.texts()))
                && (exclude.isEmpty() || !found(exclude, study.texts()));
    }

    static boolean found(String pattern, java.util.List<String> texts) {
        Pattern p = Pattern.compile(pattern, FLAGS);
        return texts.stream().anyMatch(t -> t != null && p.matcher(t).find());
    }
}
