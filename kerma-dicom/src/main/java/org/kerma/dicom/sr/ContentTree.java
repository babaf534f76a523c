package org.kerma.dicom.sr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.kerma.dicom.DicomObject;

/**
 * The content tree of one SR document (PS3.3 section C.17.3): the root content item over the document data set,
 * lookup by {@link ContentPath}, resolution of by-reference relationships, and a depth-first walk.
 *
 * <p>Cycle-safe: the walk follows Content Sequence nesting only (a tree by construction), and
 * {@link #resolve(ContentItem)} follows chains of references with a visited set, so a reference to an ancestor or a
 * loop of references ends with {@link Reference.Cycle} instead of running forever.
 */
public final class ContentTree {
    private final ContentItem root;

    private ContentTree(DicomObject document) {
        this.root = ContentItem.root(document);
    }

    public static ContentTree of(DicomObject document) {
        return new ContentTree(document);
    }

    public ContentItem root() {
        return root;
    }

    /** The item at {@code path}; empty when no item is there. */
    public Optional<ContentItem> find(ContentPath path) {
        if (path.position(0) != 1) {
            return Optional.empty();
        }
        ContentItem at = root;
        for (int level = 1; level < path.depth(); level++) {
            var children = at.dataset().items(org.kerma.dicom.Tag.ContentSequence);
            int position = path.position(level);
            if (position > children.size()) {
                return Optional.empty();
            }
            at = new ContentItem(children.get(position - 1), at.path().child(position));
        }
        return Optional.of(at);
    }

    /** What a by-reference item leads to. */
    public sealed interface Reference {
        /** The item the reference (or chain of references) ends at, which carries a value. */
        record Resolved(ContentItem target) implements Reference {
        }

        /** The identifier is missing or invalid, or no item is at the path it names. */
        record Dangling(ContentPath from, String reason) implements Reference {
        }

        /** The reference leads back to itself or to an ancestor of the referring item. */
        record Cycle(ContentPath from, ContentPath to) implements Reference {
        }
    }

    /**
     * Follows a by-reference item to the item that carries the value; an ordinary item resolves to itself.
     */
    public Reference resolve(ContentItem item) {
        Set<ContentPath> visited = new HashSet<>();
        ContentItem at = item;
        while (at.isByReference()) {
            if (!visited.add(at.path())) {
                return new Reference.Cycle(item.path(), at.path());
            }
            Optional<ContentPath> to = at.referencedPath();
            if (to.isEmpty()) {
                return new Reference.Dangling(at.path(), "Referenced Content Item Identifier is not a content path");
            }
            if (at.path().startsWith(to.get())) {
                return new Reference.Cycle(at.path(), to.get());
            }
            Optional<ContentItem> next = find(to.get());
            if (next.isEmpty()) {
                return new Reference.Dangling(at.path(), "no content item at " + to.get());
            }
            at = next.get();
        }
        return new Reference.Resolved(at);
    }

    /**
     * Visits every item depth-first in document order, the root first; by-reference items are visited, not
     * followed. Iterative: a deeply nested tree cannot overflow the stack.
     */
    public void walk(Consumer<ContentItem> visitor) {
        Deque<ContentItem> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            ContentItem at = stack.pop();
            visitor.accept(at);
            var children = at.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }
}
