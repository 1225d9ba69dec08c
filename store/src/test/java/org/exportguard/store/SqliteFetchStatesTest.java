package org.exportguard.store;

import java.util.concurrent.atomic.AtomicInteger;

/** The fetch-state contract on SQLite. */
class SqliteFetchStatesTest extends FetchStatesContractTest {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    StoreLocation freshLocation() {
        return StoreLocation.sqlite(tmp.resolve("data-" + n.incrementAndGet()));
    }
}
