package org.govshare.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The query parameters an endpoint takes, read from its controller method: each {@code @RequestParam}, the
 * components of a query record bound from the parameters (such as {@code AuditQuery}), and {@code page} and
 * {@code size} for a {@link Paging}. An endpoint that takes {@code @RequestParam Map} (a data read, where any other
 * parameter is an item filter) is open: it takes any name.
 *
 * @param names the parameters taken, in the method's order
 * @param open whether any other name is taken too
 */
public record QueryParameters(Set<String> names, boolean open) {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    public static QueryParameters of(HandlerMethod handler) {
        Set<String> names = new LinkedHashSet<>();
        boolean open = false;
        for (MethodParameter declared : handler.getMethodParameters()) {
            MethodParameter parameter = declared.clone();
            parameter.initParameterNameDiscovery(NAMES);
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (type == Paging.class) {
                names.add(Paging.PAGE);
                names.add(Paging.SIZE);
            } else if (requestParam != null && Map.class.isAssignableFrom(type) && requestParam.name().isEmpty()) {
                open = true;
            } else if (requestParam != null) {
                names.add(requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name());
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || type.isRecord() && boundFromQuery(parameter)) {
                names.addAll(propertiesOf(type));
            } else if (boundFromQuery(parameter) && BeanUtils.isSimpleProperty(type)) {
                // Spring binds an unannotated simple parameter as a @RequestParam of its own name
                names.add(parameter.getParameterName());
            }
        }
        return new QueryParameters(Collections.unmodifiableSet(names), open);
    }

    /** Whether the endpoint takes {@code page} and {@code size}: it answers one page of a list. */
    public boolean paged() {
        return names.contains(Paging.PAGE) && names.contains(Paging.SIZE);
    }

    /** Whether a parameter of this name is taken. */
    public boolean takes(String name) {
        return open || names.contains(name);
    }

    /**
     * Spring binds a parameter from the query unless an annotation says where else it comes from (the body, the
     * path, the caller's identity); validation annotations say nothing about where.
     */
    private static boolean boundFromQuery(MethodParameter parameter) {
        return Arrays.stream(parameter.getParameterAnnotations()).allMatch(a -> a instanceof Valid || a instanceof Validated);
    }

    private static Set<String> propertiesOf(Class<?> type) {
        Set<String> properties = new LinkedHashSet<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.add(component.getName());
            }
        } else {
            for (var property : BeanUtils.getPropertyDescriptors(type)) {
                if (property.getWriteMethod() != null) {
                    properties.add(property.getName());
                }
            }
        }
        return properties;
    }
}
