import Foundation
import Testing
@testable import Flightdeck

/// A release whose rollout comes from an Argo Rollouts List (Rollout + AnalysisRun) and a Prometheus response: the
/// page names the sources, shows the analysis with its counts and measurements, escapes what the objects say, and
/// draws the bound series.
@Suite struct RolloutControllersSiteTests {
    private func site() throws -> SiteFixture {
        try SiteFixture(minimalSite + #"""

            -- content/releases/1.0/rollout.yaml --
            components:
              - name: checkout
                prometheus:
                  error_rate: rollout/error-rate.json
            -- content/releases/1.0/rollout/error-rate.json --
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"checkout"},"values":[[1778572800,"0.004"],[1778572860,"NaN"],[1778572920,"0.012"]]}]}}
            -- content/releases/1.0/rollout/objects.yaml --
            apiVersion: v1
            kind: List
            items:
            - apiVersion: argoproj.io/v1alpha1
              kind: Rollout
              metadata: {name: checkout, namespace: shop}
              spec:
                strategy:
                  canary:
                    steps:
                    - setWeight: 10
                    - analysis: {templates: [{templateName: success-rate}]}
                    - setWeight: 50
                    - pause: {}
              status:
                phase: Paused
                message: "<script>alert(1)</script>"
                currentStepIndex: 3
                currentPodHash: abc
                pauseConditions: [{reason: CanaryPauseStep, startTime: "2026-05-12T08:04:00Z"}]
            - apiVersion: argoproj.io/v1alpha1
              kind: AnalysisRun
              metadata:
                name: checkout-abc-2-1
                labels: {rollout-type: Step, step-index: "1", rollouts-pod-template-hash: abc}
                ownerReferences: [{kind: Rollout, name: checkout}]
              spec:
                metrics:
                - name: success-rate
                  successCondition: result[0] >= 0.99
                  failureLimit: 1
                  provider: {prometheus: {query: "up"}}
              status:
                phase: Successful
                metricResults:
                - name: success-rate
                  phase: Successful
                  count: 2
                  successful: 2
                  measurements:
                  - {phase: Successful, value: "[0.995]", startedAt: "2026-05-12T08:01:00Z", finishedAt: "2026-05-12T08:01:01Z"}
                  - {phase: Successful, value: "<b>0.997</b>", startedAt: "2026-05-12T08:03:00Z", finishedAt: "2026-05-12T08:03:01Z"}
            """#)
    }

    @Test func thePageNamesTheSourcesAndShowsTheAnalysis() async throws {
        let site = try site()
        defer { site.remove() }
        let report = try await Site(root: site.root).build()
        #expect(report.diagnostics.map(\.description) == [])
        let page = try site.read("public/releases/1.0/rollout/index.html")
        #expect(page.contains("Argo Rollouts objects in <code>rollout/</code>, Prometheus query_range responses"))
        #expect(page.contains("Read from Argo Rollouts: Rollout <strong>checkout</strong> in namespace shop (<code>rollout/objects.yaml</code>)"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert"))
        #expect(page.contains("&lt;b&gt;0.997&lt;/b&gt;"))
        #expect(page.contains("<code>result[0] &gt;= 0.99</code>"))
        #expect(page.contains("✓ success-rate successful: 2 successful, 0 failed, 0 inconclusive, 0 errors of 2 measurements (failure limit 1)"))
        #expect(page.contains(#"Prometheus: error rate of checkout from <code>rollout/error-rate.json</code> {job="checkout"}: 2 samples, 1 NaN (no value) left out"#))
        #expect(page.contains("Error rate during the rollout"))
    }
}
