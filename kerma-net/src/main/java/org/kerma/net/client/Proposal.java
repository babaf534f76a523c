package org.kerma.net.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.net.service.Instance;

/**
 * The presentation contexts (and SCP/SCU role selections) a client proposes (PS3.8 section 7.1.1.13). Immutable;
 * {@code with...} returns a new proposal. At most 128 contexts fit in one association.
 *
 * @param contexts    abstract syntax and transfer syntaxes of each context, in order (IDs 1, 3, 5... follow it)
 * @param scpRoles    SOP classes for which this side proposes the SCP role (to receive C-STOREs during C-GET)
 */
public record Proposal(List<Context> contexts, Set<String> scpRoles) {

    /** One proposed context. */
    public record Context(String abstractSyntax, List<String> transferSyntaxes) {
        public Context {
            transferSyntaxes = List.copyOf(transferSyntaxes);
        }
    }

    /** Explicit and Implicit VR Little Endian: what every peer accepts. */
    public static final List<String> UNCOMPRESSED = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());

    public Proposal {
        contexts = List.copyOf(contexts);
        scpRoles = Set.copyOf(scpRoles);
        if (contexts.size() > 128) {
            throw new IllegalArgumentException(contexts.size() + " presentation contexts proposed; at most 128 fit");
        }
    }

    public static Proposal empty() {
        return new Proposal(List.of(), Set.of());
    }

    /** Verification only. */
    public static Proposal verification() {
        return empty().with(Uid.Verification, UNCOMPRESSED);
    }

    /**
     * Contexts to store these instances: per SOP class, one context per compressed transfer syntax present (sent
     * as is) and one with the uncompressed syntaxes (transcoded as needed).
     */
    public static Proposal storage(Collection<Instance> instances) {
        Map<String, Set<String>> compressed = new LinkedHashMap<>();
        Set<String> uncompressed = new LinkedHashSet<>();
        for (Instance i : instances) {
            if (i.transferSyntax().isNative()) {
                uncompressed.add(i.sopClassUid());
            } else {
                compressed.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>()).add(i.transferSyntax().uid());
            }
        }
        Proposal p = verification();
        for (String sopClass : uncompressed) {
            p = p.with(sopClass, UNCOMPRESSED);
        }
        for (Map.Entry<String, Set<String>> e : compressed.entrySet()) {
            for (String ts : e.getValue()) {
                p = p.with(e.getKey(), List.of(ts));
            }
        }
        return p;
    }

    /** Adds a context. */
    public Proposal with(String abstractSyntax, List<String> transferSyntaxes) {
        List<Context> list = new ArrayList<>(contexts);
        list.add(new Context(abstractSyntax, transferSyntaxes));
        return new Proposal(list, scpRoles);
    }

    /** Adds a context per SOP class with the uncompressed syntaxes, and proposes the SCP role for each (C-GET). */
    public Proposal withStorageScpRole(Collection<String> storageSopClasses) {
        Proposal p = this;
        Set<String> roles = new LinkedHashSet<>(scpRoles);
        for (String sopClass : storageSopClasses) {
            p = p.with(sopClass, UNCOMPRESSED);
            roles.add(sopClass);
        }
        return new Proposal(p.contexts, roles);
    }
}
