/// The text of the files `flightdeck init` and `flightdeck new release` create.
enum ScaffoldTexts {
    static func config(title: String) -> String {
        """
        # Flightdeck site settings. Every key is optional; see docs/configuration.md.
        title: "\(title.replacingOccurrences(of: "\"", with: "'"))"
        description: "Release readiness reports: tests, performance, rollout, incidents, checklist and sign-offs."
        # base_url: "https://example.com/reports/"   # only for canonical links; relative links work anywhere
        language: en
        # build_time: false      # print the build time in page footers (SOURCE_DATE_EPOCH also sets it)
        # markdown:
        #   unsafe_html: false   # pass raw HTML in Markdown through
        # thresholds:            # the limits the verdict judges against (defaults shown)
        #   tests: { ready_percent: 95, caution_percent: 80 }
        #   rollout: { min_success_rate: 0.99, max_error_rate: 0.05, min_operations: 100, min_stage_minutes: 60, max_latency_regression: 0.2 }
        #   baseline: { max_mean_duration_minutes: 45, min_cpu_efficiency: 3, max_failure_rate: 0.1 }
        #   experiments: { confidence: 0.95, min_sample_size: 100 }

        """
    }

    static let index = """
        ---
        title: Release reports
        ---
        Every release gets a report: test results, performance against the baseline, rollout gates,
        incidents, the readiness checklist and sign-offs, and a go/no-go verdict with its reasons.

        """

    static let process = """
        ---
        title: Release process
        weight: 1
        ---
        # Release process

        1. Collect a **baseline** before the change.
        2. Run the **test suites** and the **performance tests** in staging.
        3. Roll out progressively (**canary** stages); each stage must pass its gates.
        4. Record **incidents** as they happen, with a postmortem.
        5. Complete the **checklist**; the required roles **sign off**.

        `flightdeck gate RELEASE` prints the verdict for CI.

        """

    static func release(id: String, day: String) -> String {
        """
        # Release metadata. Only 'title' is needed; see docs/formats/release.md.
        id: "\(id)"
        version: "\(id)"
        title: "Release \(id)"
        date: \(day)
        # product: your-product        # releases of one product are compared with each other
        # owner: "Your name"
        # environment: production
        summary: "What this release changes, in one paragraph."
        draft: false
        # links:
        #   - { title: "Change ticket", url: "https://tracker.example.com/CHG-1234" }
        # phases:                      # the release plan, drawn as a timeline
        #   - { name: "Baseline", start: \(day), end: \(day) }

        """
    }

    static func notes(id: String) -> String {
        """
        # Release \(id)

        Write the release narrative here: what changes, why, and what to watch.

        """
    }

    static let checklist = """
        # Readiness checklist

        Tick items with `[x]`. An item may bind to a figure with a trailing
        `check:` code span; then the data decides whether it is done.

        ## Testing

        - [ ] All test suites pass `check: tests.success_rate >= 0.95`
        - [ ] Performance meets the baseline target

        ## Rollout

        - [ ] Canary gates pass at every stage
        - [ ] Rollback plan rehearsed

        ## Operations

        - [ ] Monitoring and alerts in place
        - [ ] No open SEV1/SEV2 incidents

        """

    static let signoffs = """
        # Roles that must approve, and their decisions (approved, rejected or pending).
        # Record one with: flightdeck signoff RELEASE --role qa --approver "Name" --decision approved
        required: [engineering, qa, product, sre]
        signoffs: []

        """

    /// Data files as `.example` stubs: rename one (drop `.example`) to report that kind of data.
    static let dataStubs: [String: String] = [
        "baseline.csv.example": """
            timestamp,job_id,job_type,iterations,trials,country,duration_minutes,cpu_hours,memory_gb_hours,cost_estimate,success,error_message
            2026-01-05T09:00:00Z,job-001,standard,2000,5,us,38.5,120.2,480.0,12.40,true,

            """,
        "performance.json.example": """
            [
              {"test_name": "standard_job", "success": true, "duration_minutes": 27.4, "throughput_jobs_per_hour": 2.19,
               "resource_efficiency": 4.1, "cost_estimate": 8.90, "error_message": null}
            ]

            """,
        "rollout.yaml.example": """
            # Progressive rollout: stages, gates and events. See docs/formats/rollout.md.
            components:
              - name: service
                stages:
                  - { name: canary, traffic_percent: 10, start: "2026-01-10T09:00:00Z", end: "2026-01-10T13:00:00Z", requests: 12000, errors: 18, latency_p50_ms: 120, latency_p99_ms: 480 }
                events:
                  - { type: advance, time: "2026-01-10T13:00:00Z", reason: "all gates passed" }

            """,
        "experiments.csv.example": """
            request_id,variant,timestamp,processing_accuracy,processing_time_seconds,cost_per_invoice
            r-0001,control,2026-01-10T09:00:00Z,true,2.3,0.012

            """,
        "incidents/INC-001.md.example": """
            ---
            id: INC-001
            title: "Elevated error rate during canary"
            severity: SEV3
            status: resolved
            started: "2026-01-10T10:02:00Z"
            detected: "2026-01-10T10:05:00Z"
            mitigated: "2026-01-10T10:20:00Z"
            resolved: "2026-01-10T11:00:00Z"
            components: [service]
            rollback_triggered: false
            action_items:
              - { title: "Add an alert on queue depth", owner: "ops", due: 2026-01-20, done: false }
            ---
            ## What happened

            ## Why

            ## What we change

            """,
        "tests/README.md": """
            Put test results here: JUnit XML from any common runner (`*.xml`) or the test runner's JSON (`*.json`).

            """,
    ]
}
