package org.hazardstream.report.service;

import java.sql.PreparedStatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hazardstream.events.EventJson;
import org.hibernate.Session;

/**
 * Announces a stored result to the dashboards of every replica with PostgreSQL's NOTIFY, sent on the storing
 * transaction's own connection: the server delivers it to the listeners ({@code DashboardUpdateListener}, one per
 * replica) only when that transaction commits, and never when it rolls back, so a dashboard that fetches on the
 * notification finds the row.
 */
@ApplicationScoped
public class DashboardNotifier {

    /** The channel every replica listens on. */
    public static final String CHANNEL = "dashboard_updates";

    private final Session session;

    public DashboardNotifier(Session session) {
        this.session = session;
    }

    /** Queues the update for delivery at the commit of the current transaction (there must be one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyOnCommit(DashboardUpdates.Update update) {
        // A few dozen bytes of JSON (NOTIFY allows 8000).
        String payload = EventJson.write(update);
        session.doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
                notify.setString(1, payload);
                notify.execute();
            }
        });
    }
}
