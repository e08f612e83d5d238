package io.fieldsync.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsync.state.DeadLetter;
import io.fieldsync.state.DeadLetterRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batches Xero did not take after every try, newest first: what was sent (in the single view),
 * why it failed, how often it was tried, and whether its records have an outcome again.
 */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLettersController {

    @JsonInclude(JsonInclude.Include.ALWAYS) // resolvedAt null says "still open"
    public record DeadLetterView(long id, Long runId, String entity, String collection, List<Long> localIds,
                                 String errorType, String error, int attempts, Instant createdAt, Instant resolvedAt,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String body) {
        static DeadLetterView of(DeadLetter letter, boolean withBody) {
            return new DeadLetterView(letter.getId(), letter.getRunId(), letter.getEntity(), letter.getEndpoint(),
                    letter.getLocalIds(), letter.getErrorType(), letter.getError(), letter.getAttempts(),
                    letter.getCreatedAt(), letter.getResolvedAt(), withBody ? letter.getBody() : null);
        }
    }

    private final DeadLetterRepository letters;
    private final ApiPages pages;

    public DeadLettersController(DeadLetterRepository letters, ApiPages pages) {
        this.letters = letters;
        this.pages = pages;
    }

    /**
     * open=true: only those whose records still wait for an outcome; run: only that run's. The
     * headers count them all, as the records' do ({@code X-Total-Count}, {@code X-Page-Count}, ...).
     */
    @GetMapping
    public ResponseEntity<List<DeadLetterView>> deadLetters(@RequestParam(defaultValue = "false") boolean open,
                                                            @RequestParam(required = false) Long run,
                                                            @RequestParam(defaultValue = "0") int page,
                                                            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new BadRequestException("page must not be negative", "page");
        }
        if (size < 1 || size > 500) {
            throw new BadRequestException("size must be between 1 and 500", "size");
        }
        PageRequest request = PageRequest.of(page, size);
        Page<DeadLetter> found = run != null
                ? (open ? letters.findByRunIdAndResolvedAtIsNullOrderByIdDesc(run, request) : letters.findByRunIdOrderByIdDesc(run, request))
                : (open ? letters.findByResolvedAtIsNullOrderByIdDesc(request) : letters.findAllByOrderByIdDesc(request));
        return ResponseEntity.ok().headers(pages.headers(found))
                .body(found.map(letter -> DeadLetterView.of(letter, false)).getContent());
    }

    @GetMapping("/{id}")
    public DeadLetterView deadLetter(@PathVariable long id) {
        return letters.findById(id).map(letter -> DeadLetterView.of(letter, true))
                .orElseThrow(() -> new NotFoundException("no dead letter " + id));
    }
}
