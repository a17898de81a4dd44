package io.github.buttplugjava.remote.hub;

/**
 * What the hub counts for its operator: commands relayed to agents (answered or refused, and how
 * long the answer took) and links that ended, by kind and a fixed reason word. Labels are fixed
 * words of the hub, never a token, alias or peer text. {@link #NONE} counts nothing; the
 * Prometheus form is {@link PrometheusHubMeter}. Implementations are thread-safe and never block.
 */
interface HubMeter {

    /** Counts nothing; serves nothing. */
    HubMeter NONE = new HubMeter() {
        @Override
        public void commandAnswered(boolean ok, long nanos) {
        }

        @Override
        public void linkClosed(String link, String reason) {
        }

        @Override
        public String scrape() {
            return "";
        }
    };

    /**
     * A command relayed to an agent was answered.
     *
     * @param ok    true when done, false when refused or failed (a grant's refusal, a timeout)
     * @param nanos from relaying it to its answer
     */
    void commandAnswered(boolean ok, long nanos);

    /**
     * A link ended.
     *
     * @param link   {@code agent} or {@code controller}
     * @param reason a fixed word of the hub: {@code ended}, {@code error}, {@code over a cap}, {@code replaced}, {@code room closed}
     */
    void linkClosed(String link, String reason);

    /** The metrics in the Prometheus text format (0.0.4). */
    String scrape();
}
