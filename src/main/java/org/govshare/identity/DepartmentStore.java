package org.govshare.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The department rows: the attributes the Camunda group of a department does not hold. */
@Repository
class DepartmentStore {

    private static final RowMapper<Department> DEPARTMENT = (rs, row) -> new Department(rs.getString("code"),
            rs.getString("name_zh"), rs.getString("name_en"), Tier.valueOf(rs.getString("tier")),
            rs.getString("region_code"), DepartmentKind.valueOf(rs.getString("kind")), rs.getString("catalog_range"));

    private final JdbcTemplate jdbc;

    DepartmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Department department) {
        jdbc.update("""
                insert into department (code, name_zh, name_en, tier, region_code, kind, catalog_range)
                values (?, ?, ?, ?, ?, ?, ?)""",
                department.code(), department.nameZh(), department.nameEn(), department.tier().name(),
                department.regionCode(), department.kind().name(), department.catalogRange());
    }

    Optional<Department> find(String code) {
        return jdbc.query("select * from department where code = ?", DEPARTMENT, code).stream().findFirst();
    }

    List<Department> all() {
        return jdbc.query("select * from department order by tier, code", DEPARTMENT);
    }
}
