package org.govshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine deploys exactly what lies in the top-level processes/ and forms/ folders, byte for byte. */
class ModelDeploymentTest extends ProcessTest {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyProcessAndFormInTheTopLevelFoldersIsDeployed() throws IOException {
        List<Path> models = Stream.concat(list("processes", ".bpmn"), list("forms", ".form")).toList();
        assertThat(models).isNotEmpty();

        for (Path model : models) {
            String name = model.toString().replace('\\', '/');
            Resource deployed = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                    .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
                    .filter(r -> r.getName().endsWith(name))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " was not deployed"));
            try (InputStream content = repositoryService.getResourceAsStreamById(deployed.getDeploymentId(), deployed.getId())) {
                assertThat(content.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(model));
            }
        }
    }

    @Test
    void everyProcessIdIsItsFileName() throws IOException {
        for (Path bpmn : list("processes", ".bpmn").toList()) {
            String id = bpmn.getFileName().toString().replace(".bpmn", "");
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(id).count()).as(id).isPositive();
        }
    }

    @Test
    void everyFormIdIsItsFileName() throws IOException {
        for (Path form : list("forms", ".form").toList()) {
            String id = form.getFileName().toString().replace(".form", "");
            assertThat(Files.readString(form)).as(form.toString()).contains("\"id\": \"" + id + "\"");
        }
    }

    private static Stream<Path> list(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).toList().stream();
        }
    }
}
