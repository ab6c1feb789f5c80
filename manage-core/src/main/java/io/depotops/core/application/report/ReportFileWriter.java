package io.depotops.core.application.report;

import io.depotops.core.domain.report.ReportFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a report's rows to a file as they stream in: CSV (RFC 4180) or XLSX (POI SXSSF). */
interface ReportFileWriter extends AutoCloseable {

    void row(List<Object> values) throws IOException;

    @Override
    void close() throws IOException;

    static ReportFileWriter open(ReportFormat format, OutputStream out, List<String> header) throws IOException {
        return switch (format) {
            case CSV -> new Csv(out, header);
            case XLSX -> new Xlsx(out, header);
        };
    }

    /**
     * A text value a spreadsheet would read as a formula (=, +, -, @, tab, CR at its start) gets a
     * leading apostrophe: charger ids and stop reasons come from chargers and must stay text.
     */
    static Object neutralised(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    final class Csv implements ReportFileWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out, List<String> header) throws IOException {
            printer = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get());
        }

        @Override
        public void row(List<Object> values) throws IOException {
            printer.printRecord(
                    values.stream().map(ReportFileWriter::neutralised).toList());
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    /**
     * XLSX through SXSSF: only the last {@value #WINDOW} rows are in memory, older ones are flushed
     * to a temporary file, so a month of a large workspace never sits in the heap. Numbers are
     * numeric cells, everything else text (instants as ISO-8601 UTC, which no zone reinterprets).
     */
    final class Xlsx implements ReportFileWriter {
        private static final int WINDOW = 200;
        private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

        private final OutputStream out;
        private final SXSSFWorkbook workbook;
        private final Sheet sheet;
        private int next;

        Xlsx(OutputStream out, List<String> header) {
            this.out = out;
            this.workbook = new SXSSFWorkbook(WINDOW);
            workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet("report");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            Row row = sheet.createRow(next++);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, 1);
        }

        @Override
        public void row(List<Object> values) {
            if (next >= MAX_ROWS) {
                throw new ReportTooLargeException(
                        "an XLSX sheet holds at most " + (MAX_ROWS - 1) + " rows; ask for CSV or a shorter period");
            }
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                switch (value) {
                    case Number number -> cell.setCellValue(number.doubleValue());
                    case Instant instant -> cell.setCellValue(instant.toString());
                    default -> cell.setCellValue(value.toString());
                }
            }
        }

        @Override
        public void close() throws IOException {
            try (out) {
                workbook.write(out);
            } finally {
                workbook.close();
            }
        }
    }
}
