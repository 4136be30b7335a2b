package org.hazardstream.support;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every endpoint also answers under its study: {@code /api/v1/studies/{study}/...} is {@code /api/v1/...} of the
 * live study (study-contract.md; the unscoped paths of http-api.md keep answering for it). The system streams one
 * study so far ({@code hazard.live-study}); a path under any other study is 404, saying so. {@code
 * /api/v1/studies} and {@code /api/v1/studies/{study}} themselves are left to the service that serves them.
 */
@Provider
@PreMatching
public class StudyScopedPaths implements ContainerRequestFilter {

    private static final Pattern SCOPED = Pattern.compile("^/api/v1/studies/([a-z0-9-]{1,40})/(.+)$");

    private final String liveStudy;

    public StudyScopedPaths(
            @ConfigProperty(name = "hazard.live-study", defaultValue = "health-code") String liveStudy) {
        this.liveStudy = liveStudy;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Matcher scoped = SCOPED.matcher(request.getUriInfo().getRequestUri().getRawPath());
        if (!scoped.matches()) {
            return;
        }
        if (!scoped.group(1).equals(liveStudy)) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity("{\"error\": \"study '" + scoped.group(1) + "' does not stream here (the live study is '"
                            + liveStudy + "'; see /api/v1/studies)\"}")
                    .build());
            return;
        }
        URI unscoped = UriBuilder.fromUri(request.getUriInfo().getRequestUri())
                .replacePath("/api/v1/" + scoped.group(2))
                .build();
        request.setRequestUri(unscoped);
    }
}
