package org.housingfirst.edge.bulk;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.housingfirst.edge.requests.BodyStreams;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A bulk line as the POST it stands for: the bulk request's headers (its token above all), the line's path and body,
 * JSON both ways, and attributes of its own, so that nothing one line's handling leaves behind reaches the next.
 */
final class LineRequest extends HttpServletRequestWrapper {

    private static final Set<String> OWN_HEADERS =
            Set.of("content-type", "content-length", "accept", "idempotency-key");

    private final String path;
    private final String query;
    private final byte[] body;
    private final Map<String, Object> attributes = new HashMap<>();
    private final MultiValueMap<String, String> parameters;

    LineRequest(HttpServletRequest bulk, String pathAndQuery, byte[] body) {
        super(bulk);
        int question = pathAndQuery.indexOf('?');
        this.path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        this.query = question < 0 ? null : pathAndQuery.substring(question + 1);
        this.body = body;
        this.parameters = query == null
                ? new LinkedMultiValueMap<>()
                : UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
    }

    @Override
    public String getMethod() {
        return "POST";
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + path;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
        return url.append(':').append(getServerPort()).append(getRequestURI());
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public String getContentType() {
        return "application/json";
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public ServletInputStream getInputStream() {
        return BodyStreams.of(body);
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String getHeader(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type", "accept" -> "application/json";
            case "content-length" -> Integer.toString(body.length);
            case "idempotency-key" -> null;
            default -> super.getHeader(name);
        };
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return Collections.enumeration(value == null ? List.of() : List.of(value));
        }
        return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames()).stream()
                .filter(n -> !OWN_HEADERS.contains(n.toLowerCase(Locale.ROOT)))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        names.add(HttpHeaders.CONTENT_TYPE);
        names.add(HttpHeaders.CONTENT_LENGTH);
        names.add(HttpHeaders.ACCEPT);
        return Collections.enumeration(names);
    }

    @Override
    public String getParameter(String name) {
        return parameters.getFirst(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new HashMap<>();
        parameters.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
        return map;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.toArray(String[]::new);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }
}
