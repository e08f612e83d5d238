package io.fieldsync.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AttachmentNamesTest {

    @Test
    void aFreeNameIsKept() {
        assertThat(AttachmentNames.unique("Site access notes – Renée.txt", 7, List.of("other.pdf"))).isEqualTo("Site access notes – Renée.txt");
    }

    @Test
    void aNameUsedOnTheDocumentGetsTheFilesIdWhateverItsCase() {
        assertThat(AttachmentNames.unique("Photo.JPG", 1042, List.of("photo.jpg"))).isEqualTo("Photo (1042).JPG");
        assertThat(AttachmentNames.unique("README", 5, List.of("readme"))).isEqualTo("README (5)");
    }

    @Test
    void pathSeparatorsAndControlCharactersBecomeDashes() {
        assertThat(AttachmentNames.cleaned("jobs/2026\\march\tscan.pdf")).isEqualTo("jobs-2026-march-scan.pdf");
    }

    @Test
    void anOverlongNameIsCutKeepingItsExtension() {
        String cut = AttachmentNames.unique("x".repeat(300) + ".pdf", 99, List.of());
        assertThat(cut).hasSize(255).endsWith(".pdf");
        assertThat(AttachmentNames.unique("x".repeat(300) + ".pdf", 99, List.of(cut))).hasSize(255).endsWith(" (99).pdf");
    }
}
