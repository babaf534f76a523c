package org.kerma.server.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table row by row to CSV or XLSX without holding it in memory: CSV goes straight to the stream; XLSX
 * (fastexcel) flushes its rows to the stream every {@value #FLUSH_EVERY} rows. A cell is a String, a Number or null
 * (empty). Call {@link #close()} to finish the file; it does not close the stream.
 */
public abstract sealed class TableWriter implements AutoCloseable {
    static final int FLUSH_EVERY = 1000;

    /** A writer of {@code format} with this header row. */
    public static TableWriter open(ExportFormat format, OutputStream out, String sheetName, List<String> header)
            throws IOException {
        TableWriter w = format == ExportFormat.CSV ? new Csv(out) : new Xlsx(out, sheetName);
        w.row(List.copyOf(header));
        return w;
    }

    /** Appends one row. */
    public abstract void row(List<?> cells) throws IOException;

    @Override
    public abstract void close() throws IOException;

    /**
     * CSV per RFC 4180, UTF-8 with a byte order mark (so spreadsheet programs read non-ASCII names right), CRLF line
     * ends; a text starting with = + - @ gets a leading apostrophe so a spreadsheet does not run it as a formula.
     */
    private static final class Csv extends TableWriter {
        private final BufferedWriter out;

        Csv(OutputStream stream) throws IOException {
            out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            out.write('\uFEFF');
        }

        @Override
        public void row(List<?> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(cells.get(i)));
            }
            out.write("\r\n");
        }

        static String field(Object cell) {
            if (cell == null) {
                return "";
            }
            if (cell instanceof Number) {
                return cell.toString();
            }
            String s = cell.toString();
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                return "\"" + s.replace("\"", "\"\"") + "\"";
            }
            return s;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static final class Xlsx extends TableWriter {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String sheetName) {
            workbook = new Workbook(out, "Kerma", "1.0");
            sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void row(List<?> cells) throws IOException {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof Number n) {
                    sheet.value(row, c, n);
                } else if (v != null) {
                    sheet.value(row, c, v.toString());
                }
            }
            if (row == 0) {
                sheet.range(0, 0, 0, cells.size() - 1).style().bold().set();
                sheet.freezePane(0, 1);
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.finish();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
