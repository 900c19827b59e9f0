package org.govshare.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.govshare.platform.web.InvalidInputException;
import org.govshare.platform.web.ServiceUnavailableException;
import org.springframework.stereotype.Service;

/** Searches the indexed audit trail. */
@Service
public class AuditSearch {

    /** Elasticsearch's default max_result_window: deeper pages need a narrower query. */
    private static final int MAX_WINDOW = 10_000;

    private final ElasticsearchClient elasticsearch;
    private final AuditProperties properties;
    private final AuditTrail auditTrail;

    AuditSearch(ElasticsearchClient elasticsearch, AuditProperties properties, AuditTrail auditTrail) {
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.auditTrail = auditTrail;
    }

    /** One page of matching events, newest first. The search itself is audited. */
    public AuditPage search(AuditQuery query) {
        List<Query> filters = new ArrayList<>();
        term(filters, "actor", query.actor());
        term(filters, "actorDepartment", query.department());
        term(filters, "action", query.action() == null ? null : query.action().name());
        term(filters, "objectType", query.objectType());
        term(filters, "objectId", query.objectId());
        term(filters, "outcome", query.outcome() == null ? null : query.outcome().name());
        term(filters, "correlationId", query.correlationId());
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> {
                u.field("time");
                if (query.from() != null) {
                    u.gte(JsonData.of(query.from().toString()));
                }
                if (query.to() != null) {
                    u.lt(JsonData.of(query.to().toString()));
                }
                return u;
            }))));
        }
        List<Query> must = new ArrayList<>();
        if (query.q() != null && !query.q().isBlank()) {
            must.add(Query.of(q -> q.simpleQueryString(s -> s.query(query.q())
                    .fields("reason", "details", "objectId", "actor", "action").defaultOperator(Operator.And))));
        }
        int page = query.pageOrFirst();
        int size = query.sizeOrDefault();
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new InvalidInputException("page", "within-search-window", "pages reach " + MAX_WINDOW
                    + " events at most (page " + page + " of size " + size + " does not); narrow the search by time or actor");
        }
        SearchResponse<AuditDocument> response;
        try {
            response = elasticsearch.search(s -> s.index(properties.indexName())
                    .query(q -> q.bool(b -> b.filter(filters).must(must)))
                    .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Desc)))
                    .from(page * size).size(size).trackTotalHits(t -> t.enabled(true)), AuditDocument.class);
        } catch (IOException | co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw new ServiceUnavailableException("The audit search index is unavailable (" + e.getMessage()
                    + "); events are safe in the database and will be searchable when it returns");
        }
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        auditTrail.record(AuditEntry.ok(AuditAction.AUDIT_SEARCHED, "audit-trail", properties.indexName())
                .with("query", query.toString()).with("hits", total));
        return new AuditPage(total, page, size, response.hits().hits().stream().map(Hit::source).toList());
    }

    private static void term(List<Query> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))));
        }
    }

    /** A page of search results. */
    public record AuditPage(long total, int page, int size, List<AuditDocument> events) {
    }
}
