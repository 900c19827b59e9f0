package org.govshare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.govshare.catalog.Catalog;
import org.govshare.catalog.CatalogEntries;
import org.govshare.catalog.Submission;
import org.govshare.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared Tasklist filters: defined once, read by every official, changed by none, and showing the right tasks. */
class TasklistFiltersTest extends ProcessTest {

    private static final List<String> FILTERS = List.of(CamundaAccessPolicy.DEPARTMENT_TASKS_FILTER,
            CamundaAccessPolicy.DUE_SOON_FILTER, CamundaAccessPolicy.OVERDUE_FILTER);

    @Autowired
    CamundaAccessPolicy policy;

    @Autowired
    OfficialDirectory officials;

    @Autowired
    Catalog catalog;

    private FilterService filters() {
        return processEngine.getFilterService();
    }

    private Filter filter(String name) {
        return filters().createFilterQuery().filterName(name).singleResult();
    }

    private Official logIn(String login) {
        processEngine.getIdentityService().clearAuthentication(); // an official reads only their department's users
        Official official = officials.load(login).orElseThrow();
        processEngine.getIdentityService().setAuthentication(official.login(), official.groupIds());
        return official;
    }

    /** The tasks of the process instance that the named filter shows the logged-in official. */
    private List<String> shown(String filterName, String processInstanceId) {
        List<Task> tasks = filters().list(filter(filterName).getId(),
                processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId));
        return tasks.stream().map(Task::getId).toList();
    }

    @Test
    void theFiltersExistOnceHoweverOftenThePlatformStarts() {
        policy.run(null);
        policy.run(null);

        for (String name : FILTERS) {
            assertThat(filters().createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
            Map<String, Object> properties = filter(name).getProperties();
            assertThat(properties).containsKeys("description", "priority", "variables").containsEntry("refresh", true);
        }
        assertThat(filters().createFilterQuery().filterName("部门任务 My department's tasks").count()).isZero();
        assertThat(FILTERS.stream().map(name -> (Integer) filter(name).getProperties().get("priority")))
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyOfficialReadsTheFiltersAndNoneChangesThem() {
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        for (String login : List.of("gaj.wang", "authority.li", "mzj.liu")) {
            Official official = officials.load(login).orElseThrow();
            for (String name : FILTERS) {
                String id = filter(name).getId();
                assertThat(authorizations.isUserAuthorized(login, official.groupIds(), Permissions.READ, Resources.FILTER, id))
                        .as(login + " reads " + name).isTrue();
                assertThat(authorizations.isUserAuthorized(login, official.groupIds(), Permissions.UPDATE, Resources.FILTER, id))
                        .as(login + " updates " + name).isFalse();
                assertThat(authorizations.isUserAuthorized(login, official.groupIds(), Permissions.DELETE, Resources.FILTER, id))
                        .as(login + " deletes " + name).isFalse();
            }
        }

        Filter department = filter(CamundaAccessPolicy.DEPARTMENT_TASKS_FILTER);
        logIn("gaj.wang");
        assertThat(filters().createFilterQuery().list()).extracting(Filter::getName).containsAll(FILTERS);
        assertThatThrownBy(() -> filters().saveFilter(department.setName("mine now")))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> filters().deleteFilter(department.getId())).isInstanceOf(AuthorizationException.class);
        processEngine.getIdentityService().clearAuthentication();
        assertThat(filters().createFilterQuery().filterName(CamundaAccessPolicy.DEPARTMENT_TASKS_FILTER).count()).isOne();
    }

    @Test
    void theFiltersShowTheDepartmentsTasksByHowSoonTheyAreDue() {
        Submission submission = catalog.submit(officials.load("gaj.wang").orElseThrow(),
                CatalogEntries.forPack(CatalogEntries.residents(CatalogEntries.nextPublicSecurityCode())),
                CatalogEntries.assessmentsForPack());
        String instance = submission.processInstanceId();
        headApproves(instance(instance));
        Task review = processEngine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        Date due = review.getDueDate();
        assertThat(due).as("the pack's working days to review").isNotNull();

        logIn("gaj.wang");
        assertThat(shown(CamundaAccessPolicy.DEPARTMENT_TASKS_FILTER, instance)).as("not Public Security's task").isEmpty();

        logIn("authority.li");
        assertThat(shown(CamundaAccessPolicy.DEPARTMENT_TASKS_FILTER, instance)).containsExactly(review.getId());
        // due at the end of its working days (ten, or the national two): not before the end of the second from now
        assertThat(shown(CamundaAccessPolicy.DUE_SOON_FILTER, instance)).as("the pack's working days left").isEmpty();
        assertThat(shown(CamundaAccessPolicy.OVERDUE_FILTER, instance)).isEmpty();

        ClockUtil.setCurrentTime(new Date(due.getTime() - 24 * 3600_000L));
        assertThat(shown(CamundaAccessPolicy.DUE_SOON_FILTER, instance)).as("a day left").containsExactly(review.getId());
        assertThat(shown(CamundaAccessPolicy.OVERDUE_FILTER, instance)).isEmpty();

        ClockUtil.setCurrentTime(new Date(due.getTime() + 3600_000L));
        assertThat(shown(CamundaAccessPolicy.OVERDUE_FILTER, instance)).as("an hour late").containsExactly(review.getId());
        assertThat(shown(CamundaAccessPolicy.DEPARTMENT_TASKS_FILTER, instance)).containsExactly(review.getId());
    }
}
