package io.fieldsync.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fieldsync.mapping.MappingException;
import io.fieldsync.mapping.MappingTemplates;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The mapping step of a push page: each record still going on becomes its Xero element through
 * the entity's JSONata template ({@code mappings/<entity>.to-xero.jsonata}), with the run-time
 * settings as {@code $settings}. A template that fails for a record fails that record alone.
 */
@Component("pushMapping")
public class PushMapping {

    private final MappingTemplates mappings;
    private final MappingVariables variables;

    public PushMapping(MappingTemplates mappings, MappingVariables variables) {
        this.mappings = mappings;
        this.variables = variables;
    }

    public PushPage toXero(@ExchangeProperty("mapping") String mapping, @Body PushPage page) {
        MappingTemplates.Bound template = mappings.withVariables(mapping, Map.of("settings", variables.forEntity(page.entity())));
        List<PushPage.Candidate> mapped = new ArrayList<>(page.candidates().size());
        for (PushPage.Candidate candidate : page.candidates()) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> element = (Map<String, Object>) template.apply(candidate.document());
                mapped.add(candidate.mapped(element));
            } catch (MappingException | ClassCastException e) {
                page.fail(candidate.localId(), failure(mapping, e));
            }
        }
        return page.goingOn(mapped);
    }

    static String failure(String mapping, RuntimeException e) {
        return "Mapping " + mapping + " failed: "
                + (e instanceof MappingException mappingError ? mappingError.problem() : e.getMessage());
    }
}
