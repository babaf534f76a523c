package org.kerma.cli;

import java.io.PrintWriter;
import org.kerma.net.client.RetrieveResult;

/** The one-line outcome of a C-MOVE or C-GET. */
final class RetrieveSummary {
    private RetrieveSummary() {
    }

    static int print(PrintWriter out, String service, RetrieveResult r) {
        out.printf("%s: completed %d, warnings %d, failures %d, final status %s%n", service, r.completed(),
                r.warning(), r.failed(), r.status());
        out.flush();
        if (r.status().isFailure() || r.failed() > 0) {
            throw new IllegalStateException(service + " answered " + r.status()
                    + (r.errorComment().isEmpty() ? "" : " " + r.errorComment()));
        }
        return Kerma.EXIT_OK;
    }
}
