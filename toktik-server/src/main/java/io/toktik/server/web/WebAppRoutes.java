package io.toktik.server.web;

import io.toktik.server.config.ConditionalOnRole;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web app's own paths ({@code /v/<id>}, {@code /@<username>}, the feed tabs, upload, search, sign-in) answer
 * with its one page, so a shared link or a reload opens the view the address names.
 */
@Controller
@ConditionalOnRole(ConditionalOnRole.API)
class WebAppRoutes {

    @GetMapping({"/v/**", "/@*", "/@*/**", "/following", "/latest", "/trending", "/upload", "/search", "/signin", "/signup"})
    String page() {
        return "forward:/index.html";
    }
}
