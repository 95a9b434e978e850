package org.housingfirst.edge.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the caller's {@link ReportingUnit} as a parameter. */
class ReportingUnitArgumentResolver implements HandlerMethodArgumentResolver {

    private final ReportingUnits reportingUnits;

    ReportingUnitArgumentResolver(ReportingUnits reportingUnits) {
        this.reportingUnits = reportingUnits;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReportingUnit.class;
    }

    @Override
    public ReportingUnit resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no JWT authentication for a reporting-unit parameter");
        }
        return reportingUnits.of(token.getToken());
    }
}
