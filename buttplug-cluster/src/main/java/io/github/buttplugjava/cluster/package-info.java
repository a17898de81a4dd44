/**
 * Hub clusters on NATS: {@link io.github.buttplugjava.cluster.ClusterNode} runs one hub node of a
 * cluster; rooms are created in the cluster with {@link io.github.buttplugjava.cluster.ClusterNode#createRoom}.
 */
package io.github.buttplugjava.cluster;
