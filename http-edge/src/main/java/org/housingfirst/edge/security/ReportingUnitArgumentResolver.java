package org.housingfirst.edge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a controller method take the caller's {@link ReportingUnit} as a parameter. The unit is read from the token
 * before any of the request's input ({@link #preHandle}), so a token without a usable unit is a 403 whatever else is
 * wrong with the request, and a client cannot learn from a 400 what an operation it may not call would accept.
 */
class ReportingUnitArgumentResolver implements HandlerMethodArgumentResolver, HandlerInterceptor {

    private static final String ATTRIBUTE = ReportingUnit.class.getName();

    private final ReportingUnits reportingUnits;

    ReportingUnitArgumentResolver(ReportingUnits reportingUnits) {
        this.reportingUnits = reportingUnits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && Arrays.stream(method.getMethodParameters()).anyMatch(this::supportsParameter)) {
            request.setAttribute(ATTRIBUTE, unit());
        }
        return true;
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
        Object resolved = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return resolved instanceof ReportingUnit unit ? unit : unit();
    }

    private ReportingUnit unit() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no JWT authentication for a reporting-unit parameter");
        }
        return reportingUnits.of(token.getToken());
    }
}
