#!/usr/bin/env python3
"""Deterministic generator of the search-quality evaluation set.

Writes src/test/resources/eval/cvs.jsonl (realistic CVs over many roles and seniorities, each with
the attributes it was generated from) and src/test/resources/eval/queries.jsonl (recruiter queries,
each with graded relevance: 3 = what the recruiter asked for, 2 = a strong partial match, 1 = a
related profile). Relevance is computed from the generated attributes (role, seniority, skills,
people management), never from search results. Same seed, same files: rerun it to check.

    python3 search-service/bench/generate_eval.py [--count 330] [--seed 20261123]
"""
import argparse
import json
import os
import random

FIRST = ["Alice", "Bilal", "Chen", "Dana", "Emeka", "Fatima", "Gustavo", "Hana", "Igor", "Jasmine", "Kofi", "Lena",
         "Mateo", "Nina", "Oliver", "Priya", "Quentin", "Rosa", "Sven", "Tara", "Umar", "Valeria", "Wei", "Ximena",
         "Yusuf", "Zoe", "Arjun", "Beatriz", "Callum", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonas"]
LAST = ["Adeyemi", "Becker", "Costa", "Dubois", "Eriksen", "Fernandes", "Garcia", "Hoffmann", "Ivanova", "Jensen",
        "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
        "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zielinski", "Murphy", "Nakamura", "Oliveira", "Patel"]
CITIES = ["London", "Berlin", "Lisbon", "Warsaw", "Dublin", "Amsterdam", "Madrid", "Stockholm", "Manchester", "Prague",
          "remote (UK)", "Barcelona", "Vienna", "Copenhagen", "Milan"]
COMPANIES = ["Northwind Labs", "Bluefin Analytics", "Corvid Health", "Helix Retail", "Juniper Logistics", "Kestrel Bank",
             "Lumen Media", "Maple Insurance", "Nimbus Cloud", "Orbit Travel", "Pioneer Energy", "Quartz Payments",
             "Riverstone Hospital Trust", "Saffron Foods", "Tidal Telecom", "Umbra Games", "Vertex Manufacturing",
             "Willow Education", "Xylo Software", "Yardline Sports", "Zenith Public Sector", "Atlas Freight",
             "Beacon Care Group", "Cobalt Consulting", "Driftwood Hotels"]
SENIORITIES = ["junior", "mid", "senior", "lead"]
YEARS = {"junior": (1, 2), "mid": (3, 5), "senior": (6, 10), "lead": (9, 16)}

# Skill phrasings: the same skill is written in different ways in different CVs.
PHRASES = {
    "react": ["React", "React.js", "ReactJS", "React with hooks"],
    "typescript": ["TypeScript", "strictly typed TypeScript", "TS"],
    "javascript": ["JavaScript", "modern ES2020+ JavaScript", "JS"],
    "angular": ["Angular", "Angular (v12+)", "AngularJS and Angular"],
    "vue": ["Vue.js", "Vue 3", "Vue with Pinia"],
    "css": ["CSS and Sass", "responsive CSS", "Tailwind CSS"],
    "nextjs": ["Next.js", "server-side rendering with Next.js"],
    "accessibility": ["accessibility (WCAG 2.1)", "a11y", "accessible UI work"],
    "graphql": ["GraphQL", "Apollo GraphQL"],
    "node": ["Node.js", "Node/Express", "NestJS on Node"],
    "java": ["Java", "Java 17", "modern Java"],
    "spring": ["Spring Boot", "Spring", "the Spring ecosystem"],
    "quarkus": ["Quarkus", "Quarkus and MicroProfile"],
    "kafka": ["Kafka", "Apache Kafka", "event streaming on Kafka"],
    "microservices": ["microservices", "a service-oriented architecture", "distributed services"],
    "postgres": ["PostgreSQL", "Postgres", "relational databases (PostgreSQL)"],
    "python": ["Python", "Python 3"],
    "django": ["Django", "Django REST framework"],
    "fastapi": ["FastAPI", "async Python APIs with FastAPI"],
    "go": ["Go", "Golang"],
    "grpc": ["gRPC", "protobuf/gRPC APIs"],
    "kubernetes": ["Kubernetes", "k8s", "EKS", "GKE clusters", "container orchestration on Kubernetes"],
    "docker": ["Docker", "containers", "Docker images"],
    "terraform": ["Terraform", "infrastructure as code (Terraform)", "Terragrunt/Terraform"],
    "aws": ["AWS", "Amazon Web Services", "AWS (EC2, S3, RDS)"],
    "gcp": ["GCP", "Google Cloud"],
    "cicd": ["CI/CD", "GitHub Actions pipelines", "GitLab CI", "Jenkins pipelines"],
    "observability": ["observability (Prometheus, Grafana)", "monitoring and alerting", "Datadog dashboards"],
    "oncall": ["on-call rotations", "incident response", "SLOs and error budgets"],
    "swift": ["Swift", "SwiftUI", "Swift and UIKit"],
    "ios": ["iOS", "iPhone apps", "the App Store"],
    "kotlin": ["Kotlin", "Kotlin coroutines", "Jetpack Compose"],
    "android": ["Android", "Android apps", "Google Play releases"],
    "react_native": ["React Native", "cross-platform mobile (React Native)"],
    "spark": ["Spark", "PySpark", "Apache Spark"],
    "airflow": ["Airflow", "Apache Airflow DAGs", "workflow orchestration with Airflow"],
    "dbt": ["dbt", "dbt models"],
    "snowflake": ["Snowflake", "BigQuery and Snowflake"],
    "sql": ["SQL", "advanced SQL", "complex SQL queries"],
    "ml": ["machine learning", "ML", "predictive modelling"],
    "pytorch": ["PyTorch", "deep learning with PyTorch"],
    "sklearn": ["scikit-learn", "gradient boosting (XGBoost, scikit-learn)"],
    "statistics": ["statistics", "statistical modelling", "A/B test analysis"],
    "nlp": ["NLP", "natural language processing", "text classification and entity extraction"],
    "cv": ["computer vision", "image classification and object detection", "vision models"],
    "llm": ["large language models", "LLM fine-tuning and retrieval-augmented generation", "generative AI (LLMs)"],
    "mlops": ["MLOps", "model serving and monitoring", "putting models into production"],
    "selenium": ["Selenium", "Selenium WebDriver"],
    "playwright": ["Playwright", "Cypress and Playwright"],
    "api_testing": ["API testing", "Postman/REST Assured API tests"],
    "performance_testing": ["performance testing", "load testing with k6 and JMeter"],
    "test_automation": ["test automation", "automated regression suites"],
    "tableau": ["Tableau", "Tableau dashboards"],
    "powerbi": ["Power BI", "Power BI reports and DAX"],
    "excel": ["Excel", "advanced Excel (pivot tables, Power Query)"],
    "dashboards": ["dashboards", "self-service reporting", "KPI reporting"],
    "finance_reporting": ["finance reporting", "management accounts packs for the CFO"],
    "roadmap": ["roadmaps", "product roadmap ownership", "prioritisation"],
    "discovery": ["product discovery", "customer interviews", "jobs-to-be-done research"],
    "b2b_saas": ["B2B SaaS", "subscription software for businesses"],
    "figma": ["Figma", "Figma prototypes", "Sketch and Figma"],
    "user_research": ["user research", "usability testing", "interviews and usability studies"],
    "design_systems": ["design systems", "component libraries"],
    "pmp": ["PMP", "PMP certification", "PRINCE2 Practitioner"],
    "agile": ["agile delivery", "Scrum and Kanban", "agile ways of working"],
    "scrum_master": ["Scrum Master", "Certified ScrumMaster (CSM)"],
    "zendesk": ["Zendesk", "Zendesk and Intercom", "Freshdesk"],
    "customer_service": ["customer service", "customer support", "helping customers by phone, chat and email"],
    "sla": ["SLAs", "first-response and resolution targets", "CSAT and NPS"],
    "people_management": ["line management", "managing a team", "coaching and performance reviews", "hiring and developing people"],
    "icu": ["intensive care", "ICU", "critical care"],
    "surgical": ["surgical wards", "post-operative care"],
    "emergency": ["A&E", "emergency department"],
    "paediatrics": ["paediatrics", "children's ward"],
    "medication": ["medication administration", "drug rounds"],
    "ifrs": ["IFRS", "IFRS and UK GAAP"],
    "month_end": ["month-end close", "period-end close"],
    "consolidation": ["group consolidation", "consolidated accounts"],
    "audit": ["audit", "external audit liaison"],
    "controller": ["financial control", "controllership"],
    "saas_sales": ["SaaS sales", "selling software subscriptions"],
    "enterprise_sales": ["enterprise accounts", "complex enterprise deals"],
    "quota": ["quota attainment", "exceeded quota"],
    "crm": ["Salesforce", "HubSpot CRM"],
    "tech_recruiting": ["technical recruiting", "hiring software engineers", "sourcing developers"],
    "recruiting": ["recruitment", "full-cycle recruiting", "talent acquisition"],
    "hrbp": ["HR business partnering", "employee relations", "HR policy"],
    "seo": ["SEO", "search engine optimisation", "organic search"],
    "paid_media": ["PPC", "paid social", "Google Ads and Meta campaigns"],
    "content": ["content marketing", "editorial calendars"],
    "warehouse": ["warehouse operations", "pick, pack and dispatch"],
    "forklift": ["forklift (counterbalance and reach)", "FLT licence"],
    "logistics": ["logistics coordination", "transport planning", "freight booking"],
    "inventory": ["inventory control", "stock counts", "WMS"],
    "pentest": ["penetration testing", "ethical hacking", "OSCP"],
    "cloud_security": ["cloud security", "IAM hardening", "AWS security hub"],
    "siem": ["SIEM", "Splunk", "security monitoring"],
    "iso27001": ["ISO 27001", "SOC 2 audits"],
    "distributed_systems": ["distributed systems", "high-throughput systems", "systems at scale"],
}

# role -> titles per seniority, always-skills, optional skills with probabilities, generic duties
ROLES = {
    "frontend": {
        "titles": {"junior": ["Junior Frontend Developer", "Graduate Web Developer"], "mid": ["Frontend Developer", "Front-End Engineer", "UI Engineer"],
                   "senior": ["Senior Frontend Engineer", "Senior Front-End Developer", "Senior UI Engineer"], "lead": ["Lead Frontend Engineer", "Frontend Tech Lead", "Staff Frontend Engineer"]},
        "pick_one": [("react", 0.6), ("angular", 0.2), ("vue", 0.2)],
        "always": ["javascript", "css"], "optional": {"typescript": 0.65, "nextjs": 0.25, "accessibility": 0.4, "graphql": 0.3, "playwright": 0.3},
        "duties": ["built customer-facing web interfaces used by thousands of people every day",
                   "turned designs into pixel-accurate, responsive pages",
                   "improved page load times and Core Web Vitals",
                   "worked closely with designers and backend engineers on new features",
                   "reviewed pull requests and kept the component library tidy"],
    },
    "fullstack": {
        "titles": {"junior": ["Junior Full Stack Developer"], "mid": ["Full Stack Developer", "Software Engineer (full stack)"],
                   "senior": ["Senior Full Stack Engineer"], "lead": ["Lead Full Stack Engineer"]},
        "pick_one": [("react", 0.7), ("vue", 0.3)],
        "always": ["node", "javascript", "postgres"], "optional": {"typescript": 0.7, "docker": 0.5, "aws": 0.4, "graphql": 0.3},
        "duties": ["shipped features end to end, from database schema to UI",
                   "designed REST APIs and the screens that use them",
                   "owned a customer portal from first commit to launch",
                   "wrote integration tests and kept deployments boring"],
    },
    "backend_java": {
        "titles": {"junior": ["Junior Java Developer"], "mid": ["Java Developer", "Backend Engineer (Java)"],
                   "senior": ["Senior Java Engineer", "Senior Backend Engineer"], "lead": ["Lead Backend Engineer", "Engineering Manager, Platform", "Principal Engineer"]},
        "pick_one": [("spring", 0.75), ("quarkus", 0.25)],
        "always": ["java", "postgres"], "optional": {"kafka": 0.5, "microservices": 0.6, "docker": 0.5, "kubernetes": 0.3, "distributed_systems": 0.3},
        "duties": ["designed and ran the services behind payments and billing",
                   "built REST and messaging APIs with clear contracts",
                   "cut p99 latency of a core service by two thirds",
                   "migrated a monolith to independently deployable services",
                   "wrote the integration test suites the team relies on"],
    },
    "backend_python": {
        "titles": {"junior": ["Junior Python Developer"], "mid": ["Python Developer", "Backend Developer (Python)"],
                   "senior": ["Senior Python Engineer", "Senior Backend Developer"], "lead": ["Lead Python Engineer", "Backend Team Lead"]},
        "pick_one": [("django", 0.55), ("fastapi", 0.45)],
        "always": ["python", "postgres"], "optional": {"aws": 0.5, "docker": 0.5, "microservices": 0.3, "kubernetes": 0.2},
        "duties": ["built the APIs behind a marketplace with millions of listings",
                   "wrote background jobs with Celery and Redis",
                   "designed database schemas and tuned slow queries",
                   "kept a large codebase typed, tested and readable"],
    },
    "backend_go": {
        "titles": {"junior": ["Junior Go Developer"], "mid": ["Go Developer", "Backend Engineer (Go)"],
                   "senior": ["Senior Go Engineer", "Senior Software Engineer, Backend"], "lead": ["Staff Engineer (Go)", "Backend Tech Lead"]},
        "pick_one": [("grpc", 0.6), ("microservices", 0.4)],
        "always": ["go"], "optional": {"kubernetes": 0.6, "postgres": 0.5, "kafka": 0.4, "distributed_systems": 0.5},
        "duties": ["wrote high-throughput services handling tens of thousands of requests per second",
                   "built internal tooling and CLIs",
                   "profiled and removed allocation hot spots",
                   "designed idempotent, retry-safe APIs"],
    },
    "mobile": {
        "titles": {"junior": ["Junior Mobile Developer"], "mid": ["Mobile Developer", "App Developer"],
                   "senior": ["Senior Mobile Engineer"], "lead": ["Lead Mobile Engineer", "Head of Mobile"]},
        "pick_one": [("ios", 0.4), ("android", 0.4), ("react_native", 0.2)],
        "always": [], "optional": {"cicd": 0.3, "accessibility": 0.2},
        "duties": ["shipped a consumer app rated 4.7 with over a million downloads",
                   "built offline-first features and background sync",
                   "automated app releases and crash reporting",
                   "worked with product on onboarding and retention"],
    },
    "data_engineer": {
        "titles": {"junior": ["Junior Data Engineer"], "mid": ["Data Engineer"], "senior": ["Senior Data Engineer"],
                   "lead": ["Lead Data Engineer", "Data Platform Lead"]},
        "pick_one": [("spark", 0.5), ("dbt", 0.5)],
        "always": ["sql", "python"], "optional": {"airflow": 0.6, "kafka": 0.35, "snowflake": 0.5, "aws": 0.3},
        "duties": ["built batch and streaming pipelines feeding the company's data warehouse",
                   "modelled data for analysts and data scientists",
                   "introduced data quality checks and lineage",
                   "reduced warehouse costs by a third"],
    },
    "data_scientist": {
        "titles": {"junior": ["Junior Data Scientist"], "mid": ["Data Scientist"], "senior": ["Senior Data Scientist"],
                   "lead": ["Lead Data Scientist", "Head of Data Science"]},
        "pick_one": [("statistics", 0.5), ("ml", 0.5)],
        "always": ["python", "sql"], "optional": {"sklearn": 0.6, "nlp": 0.3, "pytorch": 0.3, "dashboards": 0.2, "ml": 0.5},
        "duties": ["built churn and demand forecasting models",
                   "designed and analysed experiments with product teams",
                   "explained model results to non-technical stakeholders",
                   "turned messy data into decisions"],
    },
    "ml_engineer": {
        "titles": {"junior": ["Junior Machine Learning Engineer"], "mid": ["Machine Learning Engineer", "ML Engineer"],
                   "senior": ["Senior Machine Learning Engineer", "Senior ML Engineer"], "lead": ["Lead ML Engineer", "Staff Machine Learning Engineer"]},
        "pick_one": [("mlops", 0.5), ("pytorch", 0.5)],
        "always": ["python", "ml"], "optional": {"llm": 0.35, "cv": 0.25, "nlp": 0.25, "kubernetes": 0.35, "docker": 0.4},
        "duties": ["took models from notebook to production services with monitoring",
                   "built feature pipelines and training infrastructure",
                   "cut inference latency with quantisation and batching",
                   "worked with data scientists to ship models safely"],
    },
    "devops": {
        "titles": {"junior": ["Junior DevOps Engineer"], "mid": ["DevOps Engineer", "Platform Engineer", "Site Reliability Engineer"],
                   "senior": ["Senior DevOps Engineer", "Senior Site Reliability Engineer", "Senior Platform Engineer"],
                   "lead": ["Lead Platform Engineer", "Head of Infrastructure", "SRE Lead"]},
        "pick_one": [("aws", 0.6), ("gcp", 0.4)],
        "always": ["kubernetes", "cicd"], "optional": {"terraform": 0.7, "observability": 0.6, "oncall": 0.5, "docker": 0.6},
        "duties": ["ran the production platform for forty engineering teams",
                   "automated environments so a new service goes live in a day",
                   "led incident reviews and reliability improvements",
                   "cut cloud spend while improving availability"],
    },
    "security": {
        "titles": {"junior": ["Junior Security Analyst"], "mid": ["Security Engineer", "Information Security Analyst"],
                   "senior": ["Senior Security Engineer"], "lead": ["Head of Security", "Security Engineering Lead"]},
        "pick_one": [("pentest", 0.5), ("cloud_security", 0.5)],
        "always": [], "optional": {"siem": 0.5, "iso27001": 0.4, "aws": 0.3},
        "duties": ["found and fixed vulnerabilities before attackers did",
                   "ran security reviews of new features",
                   "trained engineers in secure coding",
                   "handled security incidents end to end"],
    },
    "qa": {
        "titles": {"junior": ["Junior QA Tester"], "mid": ["QA Engineer", "Test Automation Engineer", "Software Tester"],
                   "senior": ["Senior QA Automation Engineer", "Senior SDET"], "lead": ["QA Lead", "Head of Quality"]},
        "pick_one": [("selenium", 0.5), ("playwright", 0.5)],
        "always": ["test_automation"], "optional": {"api_testing": 0.6, "performance_testing": 0.3, "cicd": 0.4},
        "duties": ["built regression suites that run on every merge",
                   "wrote test plans for new releases",
                   "worked with developers to make features testable",
                   "reduced escaped defects release after release"],
    },
    "data_analyst": {
        "titles": {"junior": ["Junior Data Analyst", "Graduate Analyst"], "mid": ["Data Analyst", "Business Intelligence Analyst"],
                   "senior": ["Senior Data Analyst", "Senior BI Analyst"], "lead": ["Analytics Lead", "Head of BI"]},
        "pick_one": [("tableau", 0.5), ("powerbi", 0.5)],
        "always": ["sql", "excel"], "optional": {"dashboards": 0.7, "finance_reporting": 0.3, "python": 0.3},
        "duties": ["answered business questions with data",
                   "built weekly reporting for leadership",
                   "cleaned and reconciled data from several systems",
                   "trained colleagues to use self-service reports"],
    },
    "product_manager": {
        "titles": {"junior": ["Associate Product Manager"], "mid": ["Product Manager"], "senior": ["Senior Product Manager"],
                   "lead": ["Group Product Manager", "Head of Product"]},
        "pick_one": [("roadmap", 1.0)],
        "always": [], "optional": {"discovery": 0.6, "b2b_saas": 0.5, "agile": 0.4, "sql": 0.2},
        "duties": ["launched features that grew activation by a fifth",
                   "worked with engineering and design from idea to launch",
                   "set goals and measured outcomes",
                   "talked to customers every week"],
    },
    "ux_designer": {
        "titles": {"junior": ["Junior UX Designer"], "mid": ["UX Designer", "Product Designer", "UI/UX Designer"],
                   "senior": ["Senior Product Designer", "Senior UX Designer"], "lead": ["Lead Product Designer", "Head of Design"]},
        "pick_one": [("figma", 1.0)],
        "always": [], "optional": {"user_research": 0.6, "design_systems": 0.4, "accessibility": 0.3},
        "duties": ["redesigned checkout and lifted conversion",
                   "ran workshops with stakeholders",
                   "designed flows, wireframes and high-fidelity screens",
                   "worked hand in hand with developers through delivery"],
    },
    "project_manager": {
        "titles": {"junior": ["Project Coordinator"], "mid": ["Project Manager", "Delivery Manager"], "senior": ["Senior Project Manager"],
                   "lead": ["Programme Manager", "Head of Delivery"]},
        "pick_one": [("agile", 0.6), ("pmp", 0.4)],
        "always": [], "optional": {"scrum_master": 0.35, "pmp": 0.3},
        "duties": ["delivered programmes on time and on budget",
                   "managed risks, dependencies and stakeholders",
                   "ran planning, stand-ups and retrospectives",
                   "reported progress to steering committees"],
    },
    "customer_support": {
        "titles": {"junior": ["Customer Support Agent", "Customer Service Advisor"], "mid": ["Customer Support Specialist", "Senior Support Agent"],
                   "senior": ["Customer Support Team Lead", "Support Team Leader"], "lead": ["Customer Support Manager", "Head of Customer Service"]},
        "pick_one": [("customer_service", 1.0)],
        "always": ["zendesk"], "optional": {"sla": 0.6},
        "duties": ["resolved billing and account questions",
                   "wrote help-centre articles that cut ticket volume",
                   "handled escalations from unhappy customers",
                   "fed product feedback from customers to the product team"],
    },
    "nurse": {
        "titles": {"junior": ["Newly Qualified Nurse", "Staff Nurse (Band 5)"], "mid": ["Registered Nurse", "Staff Nurse"],
                   "senior": ["Senior Staff Nurse", "Charge Nurse"], "lead": ["Ward Manager", "Nurse Unit Manager"]},
        "pick_one": [("icu", 0.3), ("surgical", 0.3), ("emergency", 0.25), ("paediatrics", 0.15)],
        "always": ["medication"], "optional": {},
        "duties": ["cared for acutely unwell patients and their families",
                   "carried out observations, wound care and IV therapy",
                   "mentored student nurses",
                   "kept accurate care records and handovers"],
    },
    "accountant": {
        "titles": {"junior": ["Accounts Assistant", "Trainee Accountant"], "mid": ["Accountant", "Management Accountant"],
                   "senior": ["Senior Accountant", "Financial Controller"], "lead": ["Finance Director", "Head of Finance"]},
        "pick_one": [("month_end", 0.6), ("audit", 0.4)],
        "always": [], "optional": {"ifrs": 0.5, "consolidation": 0.35, "excel": 0.5, "controller": 0.0},
        "duties": ["prepared management accounts and variance analysis",
                   "ran budgeting and forecasting cycles",
                   "reconciled balance sheet accounts",
                   "improved finance processes and controls"],
    },
    "sales": {
        "titles": {"junior": ["Sales Development Representative", "Business Development Representative"], "mid": ["Account Executive"],
                   "senior": ["Senior Account Executive", "Enterprise Account Executive"], "lead": ["Head of Sales", "Sales Director"]},
        "pick_one": [("saas_sales", 0.7), ("enterprise_sales", 0.3)],
        "always": ["crm"], "optional": {"quota": 0.7, "enterprise_sales": 0.3},
        "duties": ["built pipeline through outbound prospecting",
                   "ran demos and negotiated contracts",
                   "grew revenue in existing accounts",
                   "forecast accurately every quarter"],
    },
    "hr": {
        "titles": {"junior": ["HR Assistant", "Recruitment Coordinator"], "mid": ["Recruiter", "HR Advisor", "Talent Acquisition Partner"],
                   "senior": ["Senior Recruiter", "HR Business Partner"], "lead": ["Head of Talent", "Head of People"]},
        "pick_one": [("recruiting", 0.6), ("hrbp", 0.4)],
        "always": [], "optional": {"tech_recruiting": 0.4},
        "duties": ["filled roles across engineering, sales and operations",
                   "improved candidate experience and time to hire",
                   "advised managers on performance and employee relations",
                   "ran onboarding for new joiners"],
    },
    "marketing": {
        "titles": {"junior": ["Marketing Assistant", "Marketing Executive"], "mid": ["Digital Marketing Manager", "Growth Marketer"],
                   "senior": ["Senior Performance Marketing Manager", "Senior Digital Marketer"], "lead": ["Head of Marketing", "Marketing Director"]},
        "pick_one": [("seo", 0.4), ("paid_media", 0.4), ("content", 0.2)],
        "always": [], "optional": {"dashboards": 0.2, "content": 0.3},
        "duties": ["grew qualified leads quarter on quarter",
                   "planned campaigns and managed budgets",
                   "worked with sales on messaging",
                   "reported on channel performance"],
    },
    "logistics": {
        "titles": {"junior": ["Warehouse Operative", "Picker Packer"], "mid": ["Logistics Coordinator", "Warehouse Team Leader"],
                   "senior": ["Warehouse Supervisor", "Senior Logistics Planner"], "lead": ["Warehouse Manager", "Operations Manager (Logistics)"]},
        "pick_one": [("warehouse", 0.6), ("logistics", 0.4)],
        "always": [], "optional": {"forklift": 0.5, "inventory": 0.5},
        "duties": ["kept dispatch running through peak season",
                   "improved pick accuracy and on-time delivery",
                   "worked safely and trained new starters on site safety",
                   "coordinated with carriers and customers"],
    },
}
MANAGES = {"lead": 0.75, "senior": 0.25}  # chance a profile manages people, by seniority
ALWAYS_MANAGES = {("customer_support", "senior"), ("customer_support", "lead"), ("nurse", "lead"), ("logistics", "lead")}

SUMMARY = [
    "{title} with {years} years of experience; {duty}.",
    "{years} years as a {title_lower}. Most recently I {duty}.",
    "Experienced {title_lower} ({years} yrs) who {duty}.",
    "{title} based in {city}. Over {years} years I have {duty}.",
    "I am a {title_lower} with {years} years behind me and a track record: {duty}.",
]
SKILL_SENTENCES = [
    "Day to day I work with {a} and {b}.",
    "Hands-on with {a}, {b}.",
    "Used {a} alongside {b} across several projects.",
    "Strong background in {a}; comfortable with {b}.",
    "My toolbox: {a}, {b}.",
]
GENERIC = [
    "Known for clear written communication and calm under pressure.",
    "Worked across time zones with colleagues in three countries.",
    "Took part in hiring interviews and onboarding of new colleagues.",
    "Documented processes so others could pick up the work.",
    "Regularly presented results to senior stakeholders.",
    "Volunteered for cross-team initiatives and internal training.",
    "Balanced several priorities at once without dropping quality.",
    "Received the company's annual recognition award.",
]
MANAGE_SENTENCES = [
    "Managed a team of {n}, including hiring, one-to-ones and career development.",
    "Line-managed {n} people and ran their performance reviews.",
    "Led and coached a team of {n}.",
    "Grew the team from {m} to {n} people and kept attrition low.",
]
EDUCATION = ["BSc Computer Science", "BA Business Studies", "MSc Data Science", "BEng Software Engineering", "BSc Nursing",
             "ACCA qualified", "BA Economics", "BSc Mathematics", "HND Logistics", "BA Psychology", "MA Design", "self-taught; bootcamp graduate"]
EDU_BY_ROLE = {"nurse": ["BSc (Hons) Adult Nursing", "BSc Nursing", "Diploma in Children's Nursing"],
               "accountant": ["ACCA qualified", "ACA (ICAEW)", "CIMA, BA Accounting and Finance"],
               "logistics": ["NVQ Level 3 Warehousing", "HND Logistics", "GCSEs; CPC for transport managers"]}


def phrase(rng, skill):
    return rng.choice(PHRASES[skill])


def make_cv(rng, index, role, seniority):
    spec = ROLES[role]
    first, last = rng.choice(FIRST), rng.choice(LAST)
    name = f"{first} {last}"
    title = rng.choice(spec["titles"][seniority])
    lo, hi = YEARS[seniority]
    years = rng.randint(lo, hi)
    options, weights = zip(*spec["pick_one"])
    skills = [rng.choices(options, weights)[0]] + list(spec["always"])
    for skill, p in spec["optional"].items():
        if skill not in skills and rng.random() < p:
            skills.append(skill)
    manages = (role, seniority) in ALWAYS_MANAGES or rng.random() < MANAGES.get(seniority, 0)
    if manages:
        skills.append("people_management")
    city = rng.choice(CITIES)
    duties = list(spec["duties"])
    rng.shuffle(duties)

    lines = [name, f"{title} · {city}", ""]
    lines.append(rng.choice(SUMMARY).format(title=title, title_lower=title.lower(), years=years, duty=duties[0], city=city))
    tech = [s for s in skills if s != "people_management"]
    rng.shuffle(tech)
    if len(tech) >= 2:
        lines.append(rng.choice(SKILL_SENTENCES).format(a=phrase(rng, tech[0]), b=phrase(rng, tech[1])))
    lines.append("")
    lines.append(rng.choice(["Experience", "Work history", "Professional experience", "Employment"]))
    jobs = 2 if years < 6 else 3
    end = 2026
    remaining = list(tech)
    for j in range(jobs):
        span = max(1, years // jobs + rng.randint(-1, 1))
        start = end - span
        company = rng.choice(COMPANIES)
        job_title = title if j == 0 else rng.choice(ROLES[role]["titles"][SENIORITIES[max(0, SENIORITIES.index(seniority) - j)]])
        lines.append(f"{job_title}, {company}, {start}–{'present' if j == 0 else end}")
        bullets = []
        for d in (duties[(j + 1) % len(duties)], duties[(j + 2) % len(duties)]):
            bullets.append(d[0].upper() + d[1:] + ".")
        bullets.append(rng.choice(GENERIC))
        take = remaining[:2] if remaining else tech[:1]
        remaining = remaining[2:]
        if take:
            bullets.append(rng.choice([
                "Worked with {s}.", "Main technologies and methods: {s}.", "Relied on {s} every day.",
                "Introduced {s} to the team.", "Experience with {s} in a busy environment."]).format(
                s=" and ".join(phrase(rng, s) for s in take)))
        if manages and j == 0:
            n = rng.randint(4, 14)
            bullets.append(rng.choice(MANAGE_SENTENCES).format(n=n, m=max(2, n // 3)))
        lines.extend("- " + b for b in bullets)
        end = start
    lines.append("")
    listed = [phrase(rng, s) for s in skills]
    rng.shuffle(listed)
    lines.append(rng.choice(["Skills: ", "Core skills: ", "Toolbox: ", "Key skills — "]) + ", ".join(listed))
    lines.append(rng.choice(["Education: ", "Qualifications: "]) + rng.choice(EDU_BY_ROLE.get(role, EDUCATION)))
    lines.append(rng.choice(["Languages: English (fluent), Spanish (conversational)", "Interests: running, chess",
                             "Volunteer mentor at a local coding club", "Full UK driving licence", "Available on one month's notice"]))
    return {"id": f"cv{index:04d}", "name": name, "role": role, "seniority": seniority, "title": title, "years": years,
            "skills": sorted(set(skills)), "managesPeople": manages, "text": "\n".join(lines)}


def has(cv, *skills):
    return all(s in cv["skills"] for s in skills)


def senior(cv):
    return cv["seniority"] in ("senior", "lead")


# Each query: text, and a grading function over the generated attributes (3 best, 0 irrelevant).
def queries():
    Q = []

    def q(text, grade):
        Q.append((text, grade))

    fe = lambda c: c["role"] in ("frontend", "fullstack")
    q("senior react developer with TypeScript experience",
      lambda c: 3 if fe(c) and has(c, "react", "typescript") and senior(c) else 2 if fe(c) and has(c, "react") and (senior(c) or has(c, "typescript")) else 1 if fe(c) and has(c, "react") else 0)
    q("k8s platform engineer",
      lambda c: 3 if c["role"] == "devops" else 1 if has(c, "kubernetes") else 0)
    q("ML engineer",
      lambda c: 3 if c["role"] == "ml_engineer" else 1 if c["role"] == "data_scientist" and has(c, "ml") else 0)
    q("people manager for a support team",
      lambda c: 3 if c["role"] == "customer_support" and c["managesPeople"] else 1 if c["role"] == "customer_support" else 0)
    q("python backend developer with django",
      lambda c: 3 if c["role"] == "backend_python" and has(c, "django") else 2 if c["role"] == "backend_python" else 0)
    q("java microservices engineer, spring boot",
      lambda c: 3 if c["role"] == "backend_java" and has(c, "spring") else 2 if c["role"] == "backend_java" else 0)
    q("data engineer who builds pipelines with airflow and spark",
      lambda c: 3 if c["role"] == "data_engineer" and (has(c, "airflow") or has(c, "spark")) else 2 if c["role"] == "data_engineer" else 0)
    q("junior frontend developer",
      lambda c: 3 if c["role"] == "frontend" and c["seniority"] == "junior" else 2 if c["role"] == "frontend" and c["seniority"] == "mid" else 1 if fe(c) else 0)
    q("iOS developer (Swift)",
      lambda c: 3 if c["role"] == "mobile" and has(c, "ios") else 1 if c["role"] == "mobile" else 0)
    q("android engineer kotlin",
      lambda c: 3 if c["role"] == "mobile" and has(c, "android") else 1 if c["role"] == "mobile" else 0)
    q("test automation engineer",
      lambda c: 3 if c["role"] == "qa" else 0)
    q("product manager for a B2B SaaS product",
      lambda c: 3 if c["role"] == "product_manager" and has(c, "b2b_saas") else 2 if c["role"] == "product_manager" else 0)
    q("product designer who knows Figma and does user research",
      lambda c: 3 if c["role"] == "ux_designer" and has(c, "user_research") else 2 if c["role"] == "ux_designer" else 0)
    q("ICU nurse",
      lambda c: 3 if c["role"] == "nurse" and has(c, "icu") else 1 if c["role"] == "nurse" else 0)
    q("nurse for a children's ward",
      lambda c: 3 if c["role"] == "nurse" and has(c, "paediatrics") else 1 if c["role"] == "nurse" else 0)
    q("accountant to run the month-end close",
      lambda c: 3 if c["role"] == "accountant" and has(c, "month_end") else 1 if c["role"] == "accountant" else 0)
    q("qualified accountant with IFRS experience",
      lambda c: 3 if c["role"] == "accountant" and has(c, "ifrs") else 1 if c["role"] == "accountant" else 0)
    q("account executive selling SaaS",
      lambda c: 3 if c["role"] == "sales" and has(c, "saas_sales") and c["seniority"] != "junior" else 2 if c["role"] == "sales" else 0)
    q("technical recruiter who has hired engineers",
      lambda c: 3 if c["role"] == "hr" and has(c, "tech_recruiting") else 2 if c["role"] == "hr" and has(c, "recruiting") else 1 if c["role"] == "hr" else 0)
    q("HR business partner",
      lambda c: 3 if c["role"] == "hr" and has(c, "hrbp") else 1 if c["role"] == "hr" else 0)
    q("SEO specialist",
      lambda c: 3 if c["role"] == "marketing" and has(c, "seo") else 1 if c["role"] == "marketing" else 0)
    q("performance marketer running paid campaigns",
      lambda c: 3 if c["role"] == "marketing" and has(c, "paid_media") else 1 if c["role"] == "marketing" else 0)
    q("agile project manager",
      lambda c: 3 if c["role"] == "project_manager" and has(c, "agile") else 2 if c["role"] == "project_manager" else 0)
    q("scrum master",
      lambda c: 3 if c["role"] == "project_manager" and has(c, "scrum_master") else 1 if c["role"] == "project_manager" and has(c, "agile") else 0)
    q("penetration tester",
      lambda c: 3 if c["role"] == "security" and has(c, "pentest") else 1 if c["role"] == "security" else 0)
    q("cloud security engineer for our AWS estate",
      lambda c: 3 if c["role"] == "security" and has(c, "cloud_security") else 1 if c["role"] == "security" else 0)
    q("data analyst with SQL and Tableau",
      lambda c: 3 if c["role"] == "data_analyst" and has(c, "tableau") else 2 if c["role"] == "data_analyst" else 0)
    q("someone to build Power BI reports for the finance team",
      lambda c: 3 if c["role"] == "data_analyst" and has(c, "powerbi") else 2 if c["role"] == "data_analyst" else 0)
    q("warehouse supervisor",
      lambda c: 3 if c["role"] == "logistics" and c["seniority"] in ("senior", "lead") else 1 if c["role"] == "logistics" else 0)
    q("forklift driver for our distribution centre",
      lambda c: 3 if c["role"] == "logistics" and has(c, "forklift") else 1 if c["role"] == "logistics" else 0)
    q("site reliability engineer comfortable with on-call",
      lambda c: 3 if c["role"] == "devops" and has(c, "oncall") else 2 if c["role"] == "devops" else 0)
    q("terraform and AWS infrastructure engineer",
      lambda c: 3 if c["role"] == "devops" and has(c, "terraform", "aws") else 2 if c["role"] == "devops" and (has(c, "terraform") or has(c, "aws")) else 0)
    q("data scientist with NLP experience",
      lambda c: 3 if c["role"] in ("data_scientist", "ml_engineer") and has(c, "nlp") else 1 if c["role"] == "data_scientist" else 0)
    q("computer vision engineer",
      lambda c: 3 if c["role"] == "ml_engineer" and has(c, "cv") else 1 if c["role"] == "ml_engineer" else 0)
    q("full stack engineer, node and react",
      lambda c: 3 if c["role"] == "fullstack" and has(c, "react") else 2 if c["role"] == "fullstack" else 1 if c["role"] == "frontend" and has(c, "react") else 0)
    q("angular developer",
      lambda c: 3 if c["role"] == "frontend" and has(c, "angular") else 1 if c["role"] == "frontend" else 0)
    q("vue.js frontend engineer",
      lambda c: 3 if fe(c) and has(c, "vue") else 1 if c["role"] == "frontend" else 0)
    q("engineering manager leading backend teams",
      lambda c: 3 if c["role"] in ("backend_java", "backend_python", "backend_go") and c["managesPeople"] else 1 if c["role"] in ("backend_java", "backend_python", "backend_go") and senior(c) else 0)
    q("golang backend developer",
      lambda c: 3 if c["role"] == "backend_go" else 0)
    q("LLM engineer for a generative AI product",
      lambda c: 3 if c["role"] == "ml_engineer" and has(c, "llm") else 1 if c["role"] == "ml_engineer" else 0)
    q("react native developer for our mobile app",
      lambda c: 3 if c["role"] == "mobile" and has(c, "react_native") else 1 if c["role"] == "mobile" else 0)
    q("graduate data analyst",
      lambda c: 3 if c["role"] == "data_analyst" and c["seniority"] == "junior" else 1 if c["role"] == "data_analyst" else 0)
    q("experienced customer service advisor",
      lambda c: 3 if c["role"] == "customer_support" and c["seniority"] in ("mid", "senior") else 2 if c["role"] == "customer_support" else 0)
    q("head of sales to build our sales team",
      lambda c: 3 if c["role"] == "sales" and c["seniority"] == "lead" else 1 if c["role"] == "sales" and c["seniority"] == "senior" else 0)
    q("emergency department nurse",
      lambda c: 3 if c["role"] == "nurse" and has(c, "emergency") else 1 if c["role"] == "nurse" else 0)
    q("kafka streaming engineer",
      lambda c: 3 if has(c, "kafka") and c["role"] in ("data_engineer", "backend_java", "backend_go") else 0)
    return Q


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=330)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "eval"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    roles = list(ROLES)
    cvs = []
    for i in range(args.count):
        role = roles[i % len(roles)]
        seniority = SENIORITIES[(i // len(roles)) % len(SENIORITIES)]
        cvs.append(make_cv(rng, i + 1, role, seniority))
    rng.shuffle(cvs)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "cvs.jsonl"), "w") as f:
        for cv in cvs:
            f.write(json.dumps(cv, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "queries.jsonl"), "w") as f:
        for n, (text, grade) in enumerate(queries(), 1):
            relevant = {cv["id"]: grade(cv) for cv in cvs if grade(cv) > 0}
            if not relevant:
                raise SystemExit(f"query without relevant CVs: {text}")
            f.write(json.dumps({"id": f"q{n:02d}", "query": text, "relevant": dict(sorted(relevant.items()))}, ensure_ascii=False) + "\n")
    print(f"{len(cvs)} CVs over {len(roles)} roles, {n} queries -> {os.path.normpath(args.out)}")


if __name__ == "__main__":
    main()
