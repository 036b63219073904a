package ai.openclaw.sdk.spring.internal;

import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.spring.EnableOpenClawClients;
import ai.openclaw.sdk.spring.OpenClawClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Registers a bean per {@link OpenClawClient} interface that {@link EnableOpenClawClients} names or finds. */
public final class ClientsRegistrar implements ImportBeanDefinitionRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(EnableOpenClawClients.class.getName());
        Class<?>[] named = attributes == null ? new Class<?>[0] : (Class<?>[]) attributes.get("value");
        List<Class<?>> clients = new ArrayList<>(List.of(named));
        if (clients.isEmpty()) {
            clients.addAll(scan(ClassUtils.getPackageName(metadata.getClassName())));
        }
        for (Class<?> type : clients) {
            register(type, registry);
        }
    }

    private static <T> void register(Class<T> type, BeanDefinitionRegistry registry) {
        OpenClawClient annotation = type.getAnnotation(OpenClawClient.class);
        if (!type.isInterface() || annotation == null) {
            throw new IllegalArgumentException("@EnableOpenClawClients names " + type.getName()
                    + ", which is not an interface annotated @OpenClawClient(\"<service>\")");
        }
        if (!(registry instanceof BeanFactory beans)) {
            throw new IllegalStateException("typed clients need a bean factory, not " + registry.getClass());
        }
        String service = annotation.value();
        RootBeanDefinition definition = new RootBeanDefinition(type, () -> beans.getBean(ServiceRuntime.class)
                .clients()
                .client(service)
                .as(type));
        definition.setDescription("typed client of " + service);
        registry.registerBeanDefinition(ClassUtils.getShortNameAsProperty(type), definition);
    }

    private static List<Class<?>> scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface()
                        && definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(OpenClawClient.class));
        List<Class<?>> found = new ArrayList<>();
        scanner.findCandidateComponents(basePackage).forEach(candidate -> {
            try {
                found.add(ClassUtils.forName(candidate.getBeanClassName(), ClientsRegistrar.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load the client interface " + candidate.getBeanClassName(), e);
            }
        });
        return found;
    }
}
