package io.fieldsync.api;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in and what they may do: the console shows operators' actions to operators only. */
@RestController
public class SignedInController {

    public record SignedIn(String name, List<String> roles, boolean operator) {
    }

    @GetMapping("/api/me")
    public SignedIn me(Authentication who) {
        List<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring("ROLE_".length())).sorted().toList();
        return new SignedIn(who.getName(), roles, roles.contains("OPERATOR"));
    }
}
