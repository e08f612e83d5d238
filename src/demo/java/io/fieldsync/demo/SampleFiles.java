package io.fieldsync.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Real, small files of the kinds technicians attach: a PDF a reader opens, photos ImageIO decodes,
 * a forwarded email, a Word document. Same bytes every time for the same arguments.
 */
public final class SampleFiles {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String EML = "message/rfc822";
    public static final String TEXT = "text/plain";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private SampleFiles() {
    }

    /** A one-page A4 PDF 1.4 with a title and lines of text in Helvetica; ASCII text only. */
    public static byte[] pdf(String title, List<String> lines) {
        StringBuilder text = new StringBuilder("BT\n/F1 16 Tf\n50 780 Td\n(").append(pdfString(title)).append(") Tj\n")
                .append("/F1 11 Tf\n0 -28 Td\n");
        for (String line : lines) {
            text.append('(').append(pdfString(line)).append(") Tj\n0 -16 Td\n");
        }
        text.append("ET\n");
        byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);

        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                        + "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                "<< /Length " + stream.length + " >>\nstream\n"
                        + new String(stream, StandardCharsets.ISO_8859_1) + "endstream");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        // a comment with high bytes tells transfer tools the file is binary
        out.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 ").append(objects.size() + 1).append('\n')
                .append("0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** A photo-like picture (sky, wall, a hot water unit and its pipes), encoded as "jpg" or "png". */
    public static byte[] photo(int width, int height, Color subject, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setPaint(new GradientPaint(0, 0, new Color(135, 190, 235), 0, height / 2f, new Color(225, 235, 245)));
            g.fillRect(0, 0, width, height / 2);
            g.setColor(new Color(196, 164, 132));
            g.fillRect(0, height / 2, width, height - height / 2);
            for (int y = height / 2; y < height; y += 12) {   // brick courses
                g.setColor(new Color(170, 138, 110));
                g.drawLine(0, y, width, y);
            }
            int unitW = width / 4;
            int unitX = width / 2 - unitW / 2;
            g.setColor(subject);
            g.fillRoundRect(unitX, height / 5, unitW, height * 3 / 5, 20, 20);
            g.setColor(subject.darker());
            g.fillRect(unitX + unitW / 3, height / 5 + 20, unitW / 3, 14);
            g.setColor(new Color(184, 115, 51));   // copper pipes
            g.fillRect(unitX + 10, height * 4 / 5, 8, height / 5);
            g.fillRect(unitX + unitW - 18, height * 4 / 5, 8, height / 5);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An RFC 822 message as a mail client saves it when forwarding, CRLF line ends. */
    public static byte[] forwardedEmail(String from, String to, String subject, LocalDateTime sent,
                                        String messageId, String body) {
        String date = sent.atOffset(ZoneOffset.ofHours(10))
                .format(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
        String message = "From: " + from + "\n"
                + "To: " + to + "\n"
                + "Subject: " + subject + "\n"
                + "Date: " + date + "\n"
                + "Message-ID: <" + messageId + ">\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n"
                + "\n"
                + body;
        return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal Office Open XML document with one paragraph per line. */
    public static byte[] docx(List<String> paragraphs, LocalDateTime saved) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(xml(p)).append("</w:t></w:r></w:p>");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, saved, "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, saved, "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            entry(zip, saved, "word/document.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body>" + body + "</w:body></w:document>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] text(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(ZipOutputStream zip, LocalDateTime saved, String name, String content)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(saved);   // no time zone in the bytes: same file everywhere
        zip.putNextEntry(entry);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String pdfString(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                b.append('\\');
            }
            b.append(c < 128 ? c : '?');
        }
        return b.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
