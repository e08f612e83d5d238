package io.fieldsync.api;

import java.security.Principal;
import java.util.Map;

import io.fieldsync.settings.SettingsEditor;
import io.fieldsync.settings.SettingsTree;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The effective settings (the tree under {@code fieldsync.}, secrets left out) and changes to
 * them: a partial tree, merged, checked as a whole, recorded with who changed what.
 */
@RestController
@RequestMapping("/api/settings")
public class SettingsController {

    private final SettingsTree tree;
    private final SettingsEditor editor;

    public SettingsController(SettingsTree tree, SettingsEditor editor) {
        this.tree = tree;
        this.editor = editor;
    }

    @GetMapping
    public Map<String, Object> settings() {
        return tree.effective();
    }

    @PutMapping
    public Map<String, Object> change(@RequestBody Map<String, Object> partial, Principal who) {
        if (partial == null || partial.isEmpty()) {
            throw new BadRequestException("Send the settings to change as a partial tree, e.g. {\"invoices\":{\"status\":\"DRAFT\"}}", null);
        }
        editor.apply(partial, who.getName());
        return tree.effective();
    }
}
