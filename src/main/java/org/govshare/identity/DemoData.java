package org.govshare.identity;

import java.util.List;

import org.govshare.identity.OfficialDirectory.NewOfficial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo departments and officials of the local run: the sharing authority, a supervisory body, four municipal
 * departments and one district department, each with officials in the roles the Measures give them.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "govshare.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ZHENGZHOU = "410100";
    private static final String JINSHUI = "410105";

    static final List<Department> DEPARTMENTS = List.of(
            new Department("sharing-authority", "郑州市政府信息资源共享主管部门", "Municipal information sharing authority",
                    Tier.MUNICIPAL, ZHENGZHOU, DepartmentKind.SHARING_AUTHORITY, "001"),
            new Department("supervision", "郑州市监察局", "Municipal Supervision Bureau",
                    Tier.MUNICIPAL, ZHENGZHOU, DepartmentKind.SUPERVISORY, "002"),
            new Department("public-security", "郑州市公安局", "Municipal Public Security Bureau",
                    Tier.MUNICIPAL, ZHENGZHOU, DepartmentKind.ADMINISTRATIVE, "101"),
            new Department("civil-affairs", "郑州市民政局", "Municipal Civil Affairs Bureau",
                    Tier.MUNICIPAL, ZHENGZHOU, DepartmentKind.ADMINISTRATIVE, "102"),
            new Department("market-supervision", "郑州市市场监督管理局", "Municipal Market Supervision Administration",
                    Tier.MUNICIPAL, ZHENGZHOU, DepartmentKind.ADMINISTRATIVE, "103"),
            new Department("human-resources", "郑州市人力资源和社会保障局", "Municipal Human Resources and Social Security Bureau",
                    Tier.MUNICIPAL, ZHENGZHOU, DepartmentKind.ADMINISTRATIVE, "104"),
            new Department("jinshui-civil-affairs", "金水区民政局", "Jinshui District Civil Affairs Bureau",
                    Tier.DISTRICT, JINSHUI, DepartmentKind.ADMINISTRATIVE, "201"));

    /** login, family name, given name, department, roles */
    record DemoOfficial(String login, String lastName, String firstName, String department, List<Role> roles) {
    }

    static final List<DemoOfficial> OFFICIALS = List.of(
            new DemoOfficial("authority.li", "李", "明", "sharing-authority", List.of(Role.AUTHORITY)),
            new DemoOfficial("owner.zhao", "赵", "强", "sharing-authority", List.of(Role.PROCESS_OWNER)),
            new DemoOfficial("rules.sun", "孙", "丽", "sharing-authority", List.of(Role.RULE_AUTHOR)),
            new DemoOfficial("supervisor.qian", "钱", "伟", "supervision", List.of(Role.SUPERVISOR)),
            new DemoOfficial("gaj.zhang", "张", "伟", "public-security", List.of(Role.APPLICANT)),
            new DemoOfficial("gaj.wang", "王", "芳", "public-security", List.of(Role.PROVIDER_REVIEWER)),
            new DemoOfficial("mzj.liu", "刘", "洋", "civil-affairs", List.of(Role.APPLICANT)),
            new DemoOfficial("mzj.chen", "陈", "静", "civil-affairs", List.of(Role.PROVIDER_REVIEWER)),
            new DemoOfficial("scj.yang", "杨", "军", "market-supervision", List.of(Role.APPLICANT)),
            new DemoOfficial("scj.huang", "黄", "敏", "market-supervision", List.of(Role.PROVIDER_REVIEWER)),
            new DemoOfficial("rsj.zhou", "周", "杰", "human-resources", List.of(Role.APPLICANT)),
            new DemoOfficial("rsj.wu", "吴", "娟", "human-resources", List.of(Role.PROVIDER_REVIEWER)),
            new DemoOfficial("jsq.xu", "徐", "磊", "jinshui-civil-affairs", List.of(Role.APPLICANT, Role.PROVIDER_REVIEWER)),
            // the heads of the sharing offices, whose approvals the national pack asks for (Art. 13, 20)
            new DemoOfficial("gaj.ma", "马", "骏", "public-security", List.of(Role.DEPARTMENT_HEAD)),
            new DemoOfficial("mzj.he", "何", "平", "civil-affairs", List.of(Role.DEPARTMENT_HEAD)),
            new DemoOfficial("scj.guo", "郭", "涛", "market-supervision", List.of(Role.DEPARTMENT_HEAD)),
            new DemoOfficial("rsj.lin", "林", "霞", "human-resources", List.of(Role.DEPARTMENT_HEAD)),
            new DemoOfficial("jsq.deng", "邓", "辉", "jinshui-civil-affairs", List.of(Role.DEPARTMENT_HEAD)));

    private final DepartmentDirectory departments;
    private final OfficialDirectory officials;
    private final DemoProperties properties;

    DemoData(DepartmentDirectory departments, OfficialDirectory officials, DemoProperties properties) {
        this.departments = departments;
        this.officials = officials;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (departments.find("sharing-authority").isPresent()) {
            return;
        }
        DEPARTMENTS.forEach(departments::register);
        for (DemoOfficial demo : OFFICIALS) {
            officials.register(new NewOfficial(demo.login(), demo.firstName(), demo.lastName(),
                    demo.login() + "@zhengzhou.gov.example", properties.password(), demo.department()));
            demo.roles().forEach(role -> officials.grantRole(demo.login(), role));
        }
        log.info("Demo data: {} departments and {} officials, password '{}' (see README)",
                DEPARTMENTS.size(), OFFICIALS.size(), properties.password());
    }
}
