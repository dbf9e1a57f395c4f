package io.recruitsuite.common.testing;

import io.recruitsuite.common.persistence.OrganizationOwned;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import jakarta.persistence.Entity;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a service's compiled classes for the rule that keeps tenant scoping impossible to forget: every
 * entity that belongs to an organization is reached only through an {@link OrganizationScopedRepository},
 * whose queries all take the organization; none is a Panache active-record entity (static unscoped
 * finders) and no repository offers Panache's unscoped finders for it.
 */
public final class TenantScopingRules {

    private TenantScopingRules() {
    }

    /** The violations among the classes compiled to {@code classesDir} (a module's target/classes). */
    public static List<String> violations(Path classesDir) throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classesDir.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.contains("$$") && !name.startsWith("META-INF")) {
                    classes.add(Class.forName(name, false, TenantScopingRules.class.getClassLoader()));
                }
            }
        }
        List<String> violations = new ArrayList<>();
        List<Class<?>> owned = classes.stream()
                .filter(c -> c.isAnnotationPresent(Entity.class) && OrganizationOwned.class.isAssignableFrom(c)).toList();
        for (Class<?> entity : owned) {
            if (hasSuperclassNamed(entity, "io.quarkus.hibernate.reactive.panache.PanacheEntityBase")) {
                violations.add(entity.getName() + " is an active-record entity: its static finders are not scoped");
            }
            boolean scopedRepository = classes.stream().anyMatch(c -> OrganizationScopedRepository.class.isAssignableFrom(c)
                    && entity.equals(typeArgument(c.getGenericSuperclass())));
            if (!scopedRepository) {
                violations.add(entity.getName() + " has no OrganizationScopedRepository");
            }
        }
        for (Class<?> c : classes) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType().getTypeName().startsWith("io.quarkus.hibernate.reactive.panache.PanacheRepository")
                        && owned.contains(typeArgument(p))) {
                    violations.add(c.getName() + " offers Panache's unscoped finders for " + p.getActualTypeArguments()[0].getTypeName());
                }
            }
        }
        if (owned.isEmpty()) {
            violations.add("no organization-owned entity found in " + classesDir + ": is this the right directory?");
        }
        return violations;
    }

    private static Object typeArgument(Type type) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
    }

    private static boolean hasSuperclassNamed(Class<?> c, String name) {
        for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
            if (s.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
