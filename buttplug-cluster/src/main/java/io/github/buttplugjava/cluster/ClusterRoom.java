package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.link.AccessToken;

/**
 * A room just created in a cluster, with its tokens. This is the only time the tokens are seen:
 * the cluster keeps only their salted hashes, so hand them out now.
 *
 * @param name         the room's name
 * @param shareToken   the token agents present
 * @param controlToken the token of the room's first controller
 */
public record ClusterRoom(String name, AccessToken shareToken, AccessToken controlToken) {
}
