"""`python -m tests.bench.load_driver CONFIG OUT`: simulated learners with locust, headless.

Run in a process of its own by the `load` scenario (tests/bench/scenarios/load.py): locust patches
the standard library for gevent when it is imported, which must never happen inside a Django
process. CONFIG (JSON, written by the scenario) names the server, the signed-in people and the
URLs; OUT receives every request's latency, per phase, for the scenario to judge. Nothing here
imports Django.

Each phase runs the same mix of requests (weights in MIX) with its own number of learners and
think time; samples taken while learners are still arriving (the ramp) are left out.
"""

import itertools
import json
import random
import sys
import time
from urllib.parse import urlencode

import gevent
from locust import FastHttpUser, between, constant, task
from locust.env import Environment

# How often a learner does each thing, relative to the others: reading dominates, writes are rare.
MIX = {"home": 2, "my_learning": 3, "catalogue": 2, "search": 2, "course": 2, "lesson": 4, "quiz_submit": 1,
       "reaction": 1}


def learner_class(config, wait_seconds):
    people = list(config["people"])
    urls = config["urls"]
    arrivals = itertools.count()  # the n-th simulated learner signs in as the n-th person

    class Learner(FastHttpUser):
        host = config["host"]
        wait_time = between(*wait_seconds) if wait_seconds[1] else constant(0)
        # Loopback: connect quickly or fail; a slow page is a latency, not a timeout, up to 60 s.
        connection_timeout = 10.0
        network_timeout = 60.0

        def on_start(self):
            person = people[next(arrivals) % len(people)]
            self.headers = {"Cookie": person.get("cookie", ""), "X-CSRFToken": person.get("csrf", ""),
                            "Accept-Encoding": "identity"}

        def _request(self, method, url, name, expect, body=None):
            headers = dict(self.headers)
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            with self.client.request(method, url, name=name, headers=headers, data=body, allow_redirects=False,
                                     catch_response=True) as response:
                if response.status_code != expect:
                    response.failure(f"{method} {url}: {response.status_code}, expected {expect}")

        @task(MIX["home"])
        def home(self):
            self._request("GET", "/", "home", 200)

        @task(MIX["my_learning"])
        def my_learning(self):
            self._request("GET", urls["my_learning"], "my_learning", 200)

        @task(MIX["catalogue"])
        def catalogue(self):
            self._request("GET", urls["catalogue"], "catalogue", 200)

        @task(MIX["search"])
        def search(self):
            self._request("GET", f"{urls['catalogue']}?{urlencode({'q': random.choice(urls['terms'])})}",
                          "search", 200)

        @task(MIX["course"])
        def course(self):
            self._request("GET", random.choice(urls["courses"]), "course", 200)

        @task(MIX["lesson"])
        def lesson(self):
            self._request("GET", random.choice(urls["lessons"]), "lesson", 200)

        @task(MIX["quiz_submit"])
        def quiz_submit(self):
            quiz = urls["quiz"]
            answer = random.choice(quiz["choices"])
            self._request("POST", quiz["submit"], "quiz_submit", 302, urlencode({quiz["field"]: answer}))

        @task(MIX["reaction"])
        def reaction(self):
            self._request("POST", urls["react"], "reaction", 302, urlencode({"kind": random.choice(["useful", "learned"])}))

    return Learner


def run_phase(config, phase):
    """Every request of one phase: [[seconds since the phase started, name, ms, error or None], ...]."""
    env = Environment(user_classes=[learner_class(config, phase["wait"])])
    samples, started = [], time.monotonic()

    def on_request(request_type, name, response_time, response_length, exception=None, **kwargs):
        samples.append([time.monotonic() - started, name, response_time, str(exception) if exception else None])

    env.events.request.add_listener(on_request)
    runner = env.create_local_runner()
    runner.start(phase["users"], spawn_rate=phase["users"] / max(phase["ramp"], 0.1))
    gevent.sleep(phase["ramp"] + phase["seconds"])
    runner.quit()
    return samples


def main(argv):
    config_path, out_path = argv
    with open(config_path) as f:
        config = json.load(f)
    results = {}
    for phase in config["phases"]:
        samples = run_phase(config, phase)
        results[phase["name"]] = {"ramp": phase["ramp"], "users": phase["users"], "seconds": phase["seconds"],
                                  "samples": samples}
    with open(out_path, "w") as f:
        json.dump(results, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
