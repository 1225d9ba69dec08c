package org.exportguard.server;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RouteTest {
    private final Route deal = new Route("GET", "/api/deals/{id}", null, 0, "a deal", null, null,
            r -> ApiResponse.ok(r.pathParams()));

    @Test
    void pathParametersMatchOneSegmentDecoded() {
        assertEquals(Map.of("id", "D 1/2"), deal.match("/api/deals/D%201%2F2"));
        assertNull(deal.match("/api/deals/"));
        assertNull(deal.match("/api/deals/1/history"));
        assertNull(deal.match("/api/deal/1"));
        assertEquals("getApiDealsId", OpenApi.operationId(deal));
    }
}
