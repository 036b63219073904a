package ai.openclaw.sdk.maven;

import ai.openclaw.sdk.catalog.CatalogException;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.codegen.CodegenException;
import ai.openclaw.sdk.codegen.GeneratedSources;
import ai.openclaw.sdk.codegen.JavaCodeGenerator;
import ai.openclaw.sdk.contract.ContractException;
import ai.openclaw.sdk.contract.ContractRegistry;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code openclaw:generate}: a service's typed Java code from its contracts, in {@code generate-sources}, added to the
 * sources compiled: a record per event it publishes or subscribes to, a handler interface per event it subscribes to,
 * a typed client per service it calls over HTTP (docs/codegen.md).
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>ai.openclaw</groupId>
 *   <artifactId>openclaw-maven-plugin</artifactId>
 *   <version>${openclaw.version}</version>
 *   <executions><execution><goals><goal>generate</goal></goals></execution></executions>
 *   <configuration>
 *     <service>billing-service</service>
 *     <packageName>com.example.billing.generated</packageName>
 *   </configuration>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
    /** The project the sources are added to. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The service the code is for: its catalog name. */
    @Parameter(property = "openclaw.service", required = true)
    String service;

    /** The package of the code; events and clients go below it. */
    @Parameter(property = "openclaw.package", defaultValue = "openclaw.generated")
    String packageName;

    /** The service catalog. */
    @Parameter(property = "openclaw.catalog", defaultValue = "${project.basedir}/.openclaw/services.yaml")
    File catalog;

    /** The contracts directory. */
    @Parameter(property = "openclaw.contracts", defaultValue = "${project.basedir}/contracts")
    File contracts;

    /** Where the sources are written: a source root added to the compile. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/openclaw")
    File outputDirectory;

    /** Skips the goal. */
    @Parameter(property = "openclaw.generate.skip", defaultValue = "false")
    boolean skip;

    /** Creates the goal (Maven instantiates it). */
    public GenerateMojo() {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("openclaw:generate skipped");
            return;
        }
        ServiceCatalog services;
        ContractRegistry registry;
        try {
            services = ServiceCatalog.load(catalog.toPath());
            registry = ContractRegistry.load(contracts.toPath());
        } catch (CatalogException | ContractException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        GeneratedSources sources;
        try {
            sources = JavaCodeGenerator.builder(services, registry)
                    .packageName(packageName)
                    .build()
                    .forService(service);
        } catch (CodegenException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        Path root = outputDirectory.toPath();
        List<Path> written;
        try {
            written = sources.writeTo(root);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        project.addCompileSourceRoot(root.toString());
        getLog().info("openclaw:generate: " + written.size() + " source files for " + service + " in " + root);
    }
}
